import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byteLength, fileNameForId, isCanonicalId } from './file-names';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches node:crypto on empty, ASCII, CJK, astral and block-boundary inputs', () => {
    for (const text of ['', 'abc', '青浦区朱家角镇', '😀'.repeat(40), 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('fileNameForId', () => {
  it('keeps a plain lower-case id as it is', () => {
    expect(fileNameForId('sch-zjj-001')).toBe('sch-zjj-001');
    expect(fileNameForId('朱家角镇-1')).toBe('朱家角镇-1');
  });

  it('gives ids that differ only by case distinct names, equal under case folding too', () => {
    const names = ['a1', 'A1', 'Straße', 'STRASSE', 'strasse'].map((id) => fileNameForId(id));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
  });

  it('gives ids that differ only by Unicode normalisation distinct names, equal under NFC/NFD too', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const names = [fileNameForId(nfc), fileNameForId(nfd)];
    expect(new Set(names.map((n) => n.normalize('NFD').toLowerCase())).size).toBe(2);
    expect(names[0]).toBe(nfc);
  });

  it('never gives a Windows reserved device name, with or without an extension', () => {
    for (const id of ['CON', 'con', 'NUL', 'nul.txt', 'PRN.txt', 'aux', 'COM1', 'com9.ics', 'LPT1', 'lpt¹', 'conin$']) {
      const name = fileNameForId(id);
      expect(name, id).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i);
      expect(isCanonicalId(id, 150)).toBe(false);
    }
  });

  it('depends on the id alone: the same id gives the same name whatever else is there', () => {
    expect(fileNameForId('A1')).toBe(fileNameForId('A1'));
    expect(fileNameForId('A1')).toMatch(/^A1-[0-9a-f]{12}$/);
  });

  it('never lets a plain id take a hashed name', () => {
    const hashed = fileNameForId('A1');
    expect(fileNameForId(hashed)).not.toBe(hashed);
  });

  it('stays within the byte budget for long CJK, emoji and path-like ids, distinct when they share a prefix', () => {
    const ids = ['长'.repeat(300), `${'长'.repeat(300)}x`, '😀'.repeat(200), '../'.repeat(100), ' trailing. ', 'a\u202eb', '.hidden'];
    const names = ids.map((id) => fileNameForId(id));
    for (const name of names) {
      expect(byteLength(name)).toBeLessThanOrEqual(150);
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e]|^\.|[. ]$|\s/);
    }
    expect(new Set(names).size).toBe(ids.length);
  });
});
