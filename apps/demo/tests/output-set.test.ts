/**
 * The output-folder design (issue #14 §1, docs/security.md "Output folders"), in process: the
 * manifest, stale files, other people's files, inputs, links, and the commit journal.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSet, withOutputSet } from '../src/output/index';
import { InputError, createOutput } from '../src/runtime';
import { tempDir } from './helpers';

const out = createOutput({ lang: 'en', quiet: true, json: false });
const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, content]) => ({ path, content }));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, '.liujin-manifest.json'), 'utf8')) as { files: { path: string; set: string }[] };
const codes = (error: unknown) => (error as InputError).problems.map((p) => p.code);

async function write(dir: string, set: string, entries: Record<string, string>, inputs: string[] = [], claim?: string) {
  return withOutputSet({ outDir: dir, set, inputs }, out, async (sink) => {
    if (claim) sink.claimFolder(claim);
    return sink.write(files(entries));
  });
}

describe('output sets', () => {
  it('lists what it wrote; a regeneration removes only its own stale files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await write(dir, 'calendar', { 'calendars/a.ics': 'A', 'calendars/b.ics': 'B' });
    await write(dir, 'templates:school:all', { 'templates/school/x.pdf': 'X' });
    expect(manifest(dir).files.map((f) => `${f.set} ${f.path}`)).toEqual(['calendar calendars/a.ics', 'calendar calendars/b.ics', 'templates:school:all templates/school/x.pdf']);
    await write(dir, 'calendar', { 'calendars/a.ics': 'A2' });
    expect(existsSync(join(dir, 'calendars/b.ics'))).toBe(false);
    expect(readFileSync(join(dir, 'calendars/a.ics'), 'utf8')).toBe('A2');
    expect(readFileSync(join(dir, 'templates/school/x.pdf'), 'utf8')).toBe('X');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // Nothing of liujin's bookkeeping is left but the manifest.
    expect(readdirSync(dir).filter((n) => n.startsWith('.liujin')).sort()).toEqual(['.liujin-manifest.json']);
  });

  it('a claimed folder is one report set: files of another run there go', async () => {
    const dir = tempDir();
    await write(dir, 'plan', { 'audit/audit.json': '1', 'audit/audit.xlsx': '1', 'plan.json': 'p' });
    await write(dir, 'audit', { 'audit/audit.json': '2' }, [], 'audit');
    expect(readdirSync(join(dir, 'audit'))).toEqual(['audit.json']);
    expect(existsSync(join(dir, 'plan.json'))).toBe(true);
  });

  it('never overwrites a file it did not write, and says which', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), 'my own plan');
    const error = await write(dir, 'plan', { 'plan.md': 'generated', 'plan.json': '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(codes(error)).toEqual(['out_file_not_ours']);
    expect((error as InputError).problems[0]!.file).toBe(join(dir, 'plan.md'));
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('my own plan');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('never overwrites an input, even one it wrote itself', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': 'last year' });
    const error = await write(dir, 'audit', { 'audit/audit.json': 'this year' }, [join(dir, 'audit/audit.json')]).catch((e: unknown) => e);
    expect(codes(error)).toEqual(['out_overwrites_input']);
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('last year');
  });

  it('never removes an input that became a stale file', async () => {
    const dir = tempDir();
    await write(dir, 'calendar', { 'calendars/a.ics': 'A', 'calendars/b.ics': 'B' });
    await write(dir, 'calendar', { 'calendars/a.ics': 'A' }, [join(dir, 'calendars/b.ics')]);
    expect(readFileSync(join(dir, 'calendars/b.ics'), 'utf8')).toBe('B');
  });

  it('keeps a stale file the user changed since, with a warning', async () => {
    const dir = tempDir();
    await write(dir, 'calendar', { 'calendars/a.ics': 'A', 'calendars/b.ics': 'B' });
    writeFileSync(join(dir, 'calendars/b.ics'), 'edited by hand');
    await write(dir, 'calendar', { 'calendars/a.ics': 'A' });
    expect(readFileSync(join(dir, 'calendars/b.ics'), 'utf8')).toBe('edited by hand');
    expect(manifest(dir).files.map((f) => f.path)).toEqual(['calendars/a.ics']);
  });

  it('does not write through a symbolic link inside the folder', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(dir, 'calendars'));
    const error = await write(dir, 'calendar', { 'calendars/a.ics': 'A' }).catch((e: unknown) => e);
    expect(codes(error)).toEqual(['out_symlink']);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses an output path that is a file, or below one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    for (const target of [join(dir, 'file'), join(dir, 'file', 'sub')]) {
      const error = await write(target, 'plan', { 'plan.json': '{}' }).catch((e: unknown) => e);
      expect(codes(error)).toEqual(['out_unusable']);
    }
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('a second run on a busy folder is told so', async () => {
    const dir = tempDir();
    const first = await OutputSet.open({ outDir: dir, set: 'a', inputs: [] });
    const error = await OutputSet.open({ outDir: dir, set: 'b', inputs: [] }).catch((e: unknown) => e);
    expect(codes(error)).toEqual(['out_busy']);
    await first.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an aborted run leaves the previous set exactly as it was', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': 'old', 'audit/audit.csv': 'old' });
    const failing = withOutputSet({ outDir: dir, set: 'audit', inputs: [] }, out, async (sink) => {
      await sink.write(files({ 'audit/audit.json': 'new' }));
      throw new Error('renderer failed');
    });
    await expect(failing).rejects.toThrow('renderer failed');
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'audit/audit.csv'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['.liujin-manifest.json', 'audit']);
  });

  it('clears a killed run’s staging folder, and only folders its naming and marker identify', async () => {
    const dir = tempDir();
    const killed = await OutputSet.open({ outDir: dir, set: 'a', inputs: [] });
    await killed.write(files({ 'x.txt': 'half' }));
    // A kill leaves the staging folder and the lock of a process that no longer runs.
    writeFileSync(join(dir, '.liujin-lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() }));
    const lookalike = join(dir, '.liujin-stage-000000000000000000000000');
    mkdirSync(lookalike);
    writeFileSync(join(lookalike, 'precious.txt'), 'not liujin’s');
    await write(dir, 'b', { 'y.txt': 'y' });
    expect(existsSync(join(dir, killed.stageName))).toBe(false);
    expect(readFileSync(join(lookalike, 'precious.txt'), 'utf8')).toBe('not liujin’s');
  });

  it('streams content given as an async iterable of chunks, and hashes it in the manifest', async () => {
    const dir = tempDir();
    async function* content() {
      yield 'ab';
      yield new TextEncoder().encode('cd');
    }
    const [written] = await withOutputSet({ outDir: dir, set: 's', inputs: [] }, out, (sink) => sink.write([{ path: 'big.txt', content: content() }]));
    expect(written!.bytes).toBe(4);
    expect(readFileSync(join(dir, 'big.txt'), 'utf8')).toBe('abcd');
    const entry = (JSON.parse(readFileSync(join(dir, '.liujin-manifest.json'), 'utf8')) as { files: { sha256: string }[] }).files[0]!;
    expect(entry.sha256).toBe('88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589');
  });

  it('creates staged files exclusively: a planted link in the staging folder is not followed', async () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'untouched');
    const set = await OutputSet.open({ outDir: dir, set: 's', inputs: [] });
    symlinkSync(victim, join(set.stageFiles, 'a.txt'));
    await expect(set.write(files({ 'a.txt': 'evil' }))).rejects.toThrow();
    await set.abort();
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(dir).isDirectory()).toBe(true);
  });
});
