import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from '@liujin/core';
import type { SetAsideRow } from '@liujin/core/io';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/runtime';
import { streamActivities, type ReadThreads } from '../src/stream-inputs';

const dir = mkdtempSync(join(tmpdir(), 'liujin-parallel-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(file: string, options: ReadThreads) {
  const setAside: SetAsideRow[] = [];
  const records: Activity[] = [];
  try {
    for await (const a of streamActivities(file, setAside, options)) records.push(a);
    return { records, setAside };
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    throw error;
  }
}

// Parts of 64 bytes: every few lines a new part, cut inside lines that hold multi-byte characters.
const PARALLEL: ReadThreads = { threads: 2, fromBytes: 0, partBytes: 64 };
const ONE: ReadThreads = { threads: 1 };

function log(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const line = (i: number, extra: Record<string, unknown> = {}) => JSON.stringify({ id: `a${i}`, unitId: `u${i % 7}`, kind: i % 5 === 0 ? 'evacuation-drill' : 'course', date: `2026-0${(i % 9) + 1}-1${i % 10}`, title: `第${i}次 “疏散” 演练 🚒`, ...extra });

describe('the parallel JSON Lines reader (large activity logs)', () => {
  it('gives the records, in file order, and the rows set aside that one thread gives', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => (i % 37 === 0 ? line(i, { kind: '跳舞' }) : line(i)));
    // A BOM, CRLF line ends, blank lines, and no newline after the last line.
    const file = log('good.jsonl', `\uFEFF${lines.slice(0, 100).join('\r\n')}\n\n${lines.slice(100).join('\n')}`);
    const one = await read(file, ONE);
    const parallel = await read(file, PARALLEL);
    expect(one.records).toHaveLength(300 - 9);
    expect(one.setAside).toHaveLength(9);
    expect(parallel).toEqual(one);
    // Line numbers run on across parts.
    expect(parallel.records!.at(-1)!.source).toEqual({ file, row: 301 });
  });

  it('reports the problems one thread reports, all of them, with their rows', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i));
    lines[17] = '{"unitId": "u1", "kind": "drill"';
    lines[120] = JSON.stringify({ unitId: 'u1', kind: 'evacuation-drill', date: '2026-02-30' });
    lines[199] = JSON.stringify({ unitId: '', kind: 'evacuation-drill', date: '2026-02-03' });
    const file = log('bad.jsonl', lines.join('\n'));
    const one = await read(file, ONE);
    expect(one.problems!.map((p) => p.row)).toEqual([18, 121, 200]);
    expect(await read(file, PARALLEL)).toEqual(one);
  });

  it('says a file of blank lines is empty, and refuses bytes that are not UTF-8, as one thread does', async () => {
    const blank = log('blank.jsonl', '\n\n\r\n'.repeat(40));
    expect((await read(blank, PARALLEL)).problems!.map((p) => p.code)).toEqual(['empty_file']);
    const binary = join(dir, 'latin1.jsonl');
    writeFileSync(binary, Buffer.concat([Buffer.from(`${line(1)}\n${line(2)}\n`), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a]), Buffer.from(`${line(3)}\n`)]));
    const one = await read(binary, ONE);
    expect(one.problems!.map((p) => p.code)).toEqual(['unknown_encoding']);
    expect(await read(binary, PARALLEL)).toEqual(one);
  });

  it('reads a line longer than a part whole', async () => {
    const long = line(5, { title: '长'.repeat(500) });
    const file = log('long.jsonl', [line(1), long, line(2)].join('\n'));
    const parallel = await read(file, PARALLEL);
    expect(parallel).toEqual(await read(file, ONE));
    expect(parallel.records![1]!.title).toBe('长'.repeat(500));
  });
});
