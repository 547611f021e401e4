import { describe, expect, it } from 'vitest';
import { errorText, formatBytes, formatCount, formatCtr, formatDuration, formatPercent } from './format';

describe('formatCtr', () => {
  it('shows the click-through rate as a percentage with one decimal', () => {
    expect(formatCtr(2, 4)).toBe('50.0%');
    expect(formatCtr(1, 3)).toBe('33.3%');
    expect(formatCtr(2, 3)).toBe('66.7%');
    expect(formatCtr(0, 10)).toBe('0.0%');
    expect(formatCtr(5, 5)).toBe('100.0%');
  });

  it('shows an em dash when there were no impressions', () => {
    expect(formatCtr(0, 0)).toBe('—');
    expect(formatCtr(3, 0)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal above 1 kB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(23_400_000)).toBe('23.4 MB');
    expect(formatBytes(1_234_000_000)).toBe('1.2 GB');
  });
});

describe('formatDuration', () => {
  it('gives seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600_000 + 7 * 60_000 + 20_000)).toBe('2 h 07 min');
  });
});

describe('formatCount and formatPercent', () => {
  it('groups digits by commas and keeps one decimal of a percentage', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatPercent(12.345)).toBe('12.3%');
    expect(formatPercent(0)).toBe('0.0%');
  });
});

describe('errorText', () => {
  it("is an Error's message, or what was thrown as text", () => {
    expect(errorText(new Error('quota exceeded'))).toBe('quota exceeded');
    expect(errorText('offline')).toBe('offline');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText({ message: 'from a message port' })).toBe('from a message port');
  });
});
