// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditController } from './controller';
import type { AuditHooks } from './overlay';
import { selectorFor } from './selector-for';

// The overlay itself needs layout and trusted clicks (e2e/audit.spec.ts); here it only records how it was started.
const started: { hooks: AuditHooks; signal: AbortSignal }[] = [];
vi.mock('./overlay', () => ({ startAudit: (hooks: AuditHooks, signal: AbortSignal) => void started.push({ hooks, signal }) }));

beforeEach(() => {
  started.length = 0;
});

function makeController(lifetime = new AbortController()) {
  const addUserRule = vi.fn(async (kind: 'ad' | 'not-ad', selector: string) => `${kind === 'ad' ? '' : '#@#'}${selector}`);
  const controller = auditController({ listAds: () => [], addUserRule }, lifetime.signal);
  return { controller, addUserRule, lifetime };
}

describe('auditController', () => {
  it('starts one overlay when switched on, however often it is asked', () => {
    const { controller } = makeController();
    expect(controller.on).toBe(false);
    controller.set(true);
    controller.set(true);
    expect(controller.on).toBe(true);
    expect(started).toHaveLength(1);
    expect(started[0]!.signal.aborted).toBe(false);
  });

  it('stops the overlay when switched off, and starts a fresh one when switched on again', () => {
    const { controller } = makeController();
    controller.set(false);
    expect(started).toHaveLength(0);
    controller.set(true);
    controller.set(false);
    expect(controller.on).toBe(false);
    expect(started[0]!.signal.aborted).toBe(true);
    controller.set(true);
    expect(started).toHaveLength(2);
    expect(started[1]!.signal.aborted).toBe(false);
  });

  it('stops the overlay when the content script ends', () => {
    const { controller, lifetime } = makeController();
    controller.set(true);
    lifetime.abort();
    expect(started[0]!.signal.aborted).toBe(true);
  });

  it('files a correction as a user rule for the element selector, and resolves to the line written', async () => {
    const { controller, addUserRule } = makeController();
    controller.set(true);
    document.body.innerHTML = '<div class="feed"><div id="promo">Sponsored</div></div>';
    const element = document.getElementById('promo')!;
    await expect(started[0]!.hooks.correct('not-ad', element)).resolves.toBe(`#@#${selectorFor(element)}`);
    expect(addUserRule).toHaveBeenCalledWith('not-ad', selectorFor(element));
  });
});
