/**
 * Machine load for the "under load" e2e project (playwright.config.ts): processes that each spin one core
 * for as long as a worker runs, so counting is proven exact while the browser competes for every core, as on
 * a busy laptop or a shared CI machine. They run at the normal priority, like the busy processes a person's
 * machine has, and are killed with the worker.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

// A tight loop that never yields: one full core each.
const SPIN = 'for (;;) { Math.sqrt(Math.random()); }';

export interface BusyCores {
  count: number;
  stop(): void;
}

export function startBusyCores(count: number): BusyCores {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }));
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  // A worker that dies without teardown must not leave cores spinning.
  process.once('exit', stop);
  return { count, stop };
}
