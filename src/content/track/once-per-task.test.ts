import { describe, expect, it } from 'vitest';
import { oncePerTask } from './once-per-task';

describe('oncePerTask', () => {
  it('reads once while one piece of code runs, and again after the page could have run', async () => {
    let reads = 0;
    let focused = true;
    const read = oncePerTask(() => {
      reads++;
      return focused;
    });
    expect([read(), read(), read()]).toEqual([true, true, true]);
    expect(reads).toBe(1);
    await Promise.resolve();
    focused = false;
    expect(read()).toBe(false);
    expect(reads).toBe(2);
  });
});
