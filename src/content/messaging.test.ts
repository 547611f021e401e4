import { describe, expect, it, vi } from 'vitest';
import { isContextInvalidated, runtimeAlive, sendOrStop } from './messaging';

const alive = () => true;

const invalidated = () => new Error('Extension context invalidated.');

describe('sendOrStop', () => {
  it('resolves to the answer', async () => {
    const onInvalidated = vi.fn();
    await expect(sendOrStop(async () => 42, onInvalidated, alive)).resolves.toBe(42);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('turns a synchronous "Extension context invalidated" throw (Chrome) into a rejection and stops', async () => {
    const onInvalidated = vi.fn();
    const send = (): Promise<number> => {
      throw invalidated();
    };
    const result = sendOrStop(send, onInvalidated, alive);
    await expect(result).rejects.toThrow('Extension context invalidated');
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('stops on a send that rejects because the context was invalidated', async () => {
    const onInvalidated = vi.fn();
    await expect(sendOrStop(() => Promise.reject(invalidated()), onInvalidated, alive)).rejects.toThrow();
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('passes other failures on without stopping: a sleeping service worker is retried, not given up', async () => {
    const onInvalidated = vi.fn();
    const asleep = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(sendOrStop(() => Promise.reject(asleep), onInvalidated, alive)).rejects.toBe(asleep);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('stops when the API was taken from the old script (runtime gone: a TypeError, not the invalidated message)', async () => {
    const onInvalidated = vi.fn();
    const api: { runtime?: { id?: string; sendMessage(): Promise<unknown> } } = {};
    const send = () => api.runtime!.sendMessage();
    await expect(sendOrStop(send, onInvalidated, () => runtimeAlive(api))).rejects.toThrow(TypeError);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });
});

describe('runtimeAlive', () => {
  it('is true while runtime.id is there', () => {
    expect(runtimeAlive({ runtime: { id: 'abc' } })).toBe(true);
    expect(runtimeAlive({ runtime: {} })).toBe(false);
    expect(runtimeAlive({})).toBe(false);
    expect(runtimeAlive(undefined)).toBe(false);
  });
});

describe('isContextInvalidated', () => {
  it('recognises the error by its message, whatever its type', () => {
    expect(isContextInvalidated(invalidated())).toBe(true);
    expect(isContextInvalidated('Error: Extension context invalidated.')).toBe(true);
    expect(isContextInvalidated(new Error('no answer in 5000 ms'))).toBe(false);
    expect(isContextInvalidated(undefined)).toBe(false);
  });
});
