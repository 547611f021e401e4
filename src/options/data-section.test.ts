// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { untitledNumbers } from '../test-support/untitled-numbers';
import { DataSection } from './data-section';
import type { DataActions } from './data-section';

describe('DataSection', () => {
  it('explains the space stored with a tooltip', () => {
    const actions: DataActions = {
      exportData: async () => {},
      importData: async () => {
        throw new Error('not in this test');
      },
      deleteData: async () => 0,
    };
    const root = document.createElement('div');
    render(h(DataSection, { sites: ['news.test'], storage: { usedBytes: 1_150_000, persisted: true }, actions }), root);
    expect(root.textContent).toContain('1.1 MB');
    expect(untitledNumbers(root)).toEqual([]);
  });
});
