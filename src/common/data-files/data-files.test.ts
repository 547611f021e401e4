import { describe, expect, it } from 'vitest';
import { storedEvent } from '../../test-support/fresh-db';
import { csvCell, csvHeader, csvRows } from './csv';
import { EVENT_COLUMNS } from './event-columns';
import { NdjsonReader, ndjsonLines } from './ndjson';

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks, and writes numbers, booleans and null plainly', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one row per event, in column order', () => {
    const e = storedEvent({ id: 'x1', rule: '=cmd|" /C calc"!A0', network: null });
    expect(csvHeader()).toBe(`${EVENT_COLUMNS.join(',')}\r\n`);
    const row = csvRows([e]);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row.startsWith('x1,impression,')).toBe(true);
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csvRows([e, e]).split('\r\n')).toHaveLength(3);
  });
});

describe('ndjson', () => {
  it('writes every column, missing page address as null, and reads it back', () => {
    const { pageUrl: _, ...old } = storedEvent({ id: 'n1' });
    const text = ndjsonLines([old as never, storedEvent({ id: 'n2' })]);
    const reader = new NdjsonReader();
    const { lines, errors } = reader.push(text);
    expect(errors).toEqual([]);
    expect(lines.map((l) => l.line)).toEqual([1, 2]);
    expect(Object.keys(lines[0]!.value as object)).toEqual([...EVENT_COLUMNS]);
    expect((lines[0]!.value as { pageUrl: unknown }).pageUrl).toBeNull();
    expect((lines[1]!.value as { id: string }).id).toBe('n2');
  });

  it('writes the fold of an event stored before version 7 (none) as null, and a known one as it is', () => {
    const { fold: _, ...old } = storedEvent({ id: 'f1' });
    const { lines } = new NdjsonReader().push(ndjsonLines([old as never, storedEvent({ id: 'f2', fold: 'below' })]));
    expect(lines.map((l) => (l.value as { fold: unknown }).fold)).toEqual([null, 'below']);
    expect(EVENT_COLUMNS.at(-1)).toBe('fold');
  });

  it('joins lines cut between chunks, skips blank lines, numbers errors by file line', () => {
    const reader = new NdjsonReader();
    const a = reader.push('{"a":1}\n\n{"b"');
    const b = reader.push(':2}\r\nnot json\n{"c":');
    const c = reader.end();
    expect(a.lines).toEqual([{ line: 1, value: { a: 1 } }]);
    expect(b.lines).toEqual([{ line: 3, value: { b: 2 } }]);
    expect(b.errors).toEqual([{ line: 4, reason: 'not valid JSON' }]);
    expect(c.errors).toEqual([{ line: 5, reason: 'not valid JSON' }]);
  });
});
