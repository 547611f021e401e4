import { describe, expect, it } from 'vitest';
import { ClickGate } from './click-gate';

describe('ClickGate', () => {
  it('allows the first click of an ad', () => {
    expect(new ClickGate().allow('ad1', 1_000)).toBe(true);
  });

  it('allows one click per ad per 500 ms', () => {
    const gate = new ClickGate();
    expect(gate.allow('ad1', 10_000)).toBe(true);
    expect(gate.allow('ad1', 10_000)).toBe(false);
    expect(gate.allow('ad1', 10_499)).toBe(false);
    expect(gate.allow('ad1', 10_500)).toBe(true);
    expect(gate.allow('ad1', 10_999)).toBe(false);
    expect(gate.allow('ad1', 11_000)).toBe(true);
  });

  it('measures the window from the last allowed click, not from blocked ones', () => {
    const gate = new ClickGate();
    expect(gate.allow('ad1', 0)).toBe(true);
    expect(gate.allow('ad1', 300)).toBe(false);
    expect(gate.allow('ad1', 500)).toBe(true);
  });

  it('gates each ad independently', () => {
    const gate = new ClickGate();
    expect(gate.allow('ad1', 1_000)).toBe(true);
    expect(gate.allow('ad2', 1_001)).toBe(true);
    expect(gate.allow('ad1', 1_100)).toBe(false);
    expect(gate.allow('ad2', 1_100)).toBe(false);
    expect(gate.allow('ad1', 1_500)).toBe(true);
    expect(gate.allow('ad2', 1_500)).toBe(false);
    expect(gate.allow('ad2', 1_501)).toBe(true);
  });
});
