import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSafeRelativePath, resolveExporterOptions, safeFileSegment, ExporterOptionsError } from './exporter';

describe('isSafeRelativePath', () => {
  it.each([
    ['calendars/district.ics', true],
    ['a/b/c.pdf', true],
    ['../x', false],
    ['a/../b', false],
    ['/etc/passwd', false],
    ['C:/x', false],
    ['a\\b', false],
    ['a//b', false],
    ['./a', false],
    ['', false],
    ['a\nb', false],
  ])('%j -> %s', (path, safe) => expect(isSafeRelativePath(path)).toBe(safe));
});

describe('safeFileSegment', () => {
  it('keeps Chinese names and replaces separators, control and bidi characters', () => {
    expect(safeFileSegment('青浦区实验小学')).toBe('青浦区实验小学');
    expect(safeFileSegment('../etc/passwd')).toBe('__etc_passwd');
    expect(safeFileSegment('a/../../b')).toBe('a_____b');
    expect(safeFileSegment('a\u202eb\nc')).toBe('a_b_c');
    expect(safeFileSegment('..')).toBe('_');
    expect(safeFileSegment('')).toBe('_');
    expect([...safeFileSegment('长'.repeat(10_000))].length).toBe(80);
  });
});

describe('resolveExporterOptions', () => {
  const schema = z.object({ lang: z.enum(['zh', 'en']).default('zh') }).strict();
  it('fills defaults', () => expect(resolveExporterOptions('x', schema, undefined)).toEqual({ lang: 'zh' }));
  it('throws a named error listing every problem', () => {
    expect(() => resolveExporterOptions('x', schema, { lang: 'fr', extra: 1 })).toThrow(ExporterOptionsError);
  });
});
