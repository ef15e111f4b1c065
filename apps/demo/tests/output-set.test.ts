/**
 * The output-folder design (issue #14 §1, docs/security.md "Output folders"), in process: the
 * manifest, stale files, other people's files, inputs, links, and the commit journal.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSet, resolveOwnFile, withOutputSet } from '../src/output/index';
import { InputError, createOutput } from '../src/runtime';
import { tempDir } from './helpers';

const out = createOutput({ lang: 'en', quiet: true, json: false });
const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, content]) => ({ path, content }));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, '.liujin-manifest.json'), 'utf8')) as { files: { path: string; set: string }[] };
const codes = (error: unknown) => (error as InputError).problems.map((p) => p.code);

async function write(dir: string, set: string, entries: Record<string, string>, inputs: string[] = [], claim?: string, extra: { symlink?: (target: string, path: string) => Promise<void>; warnings?: string[] } = {}) {
  const sinkOut = extra.warnings ? { ...out, warn: (line: string) => extra.warnings!.push(line) } : out;
  return withOutputSet({ outDir: dir, set, inputs, ...(extra.symlink ? { symlink: extra.symlink } : {}) }, sinkOut, async (sink) => {
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

/** The folder's report-set link: its target, or undefined when it is not a link. */
const linkOf = (dir: string, folder: string) => (lstatSync(join(dir, folder)).isSymbolicLink() ? readlinkSync(join(dir, folder)) : undefined);
const sets = (dir: string) => (existsSync(join(dir, '.liujin-sets')) ? readdirSync(join(dir, '.liujin-sets')).sort() : []);
const noLinks = async () => {
  throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
};

describe('claimed folders switched by one link rename', () => {
  it('makes audit/ a link to a complete set; the next run swaps the link and removes the previous set', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1', 'audit/audit.csv': '1', 'plan.md': 'p1' }, [], 'audit');
    const first = linkOf(dir, 'audit');
    expect(first).toMatch(/^\.liujin-sets\/audit\.[0-9a-f]{24}$/);
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('1');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('p1');
    await write(dir, 'audit', { 'audit/audit.json': '2', 'plan.md': 'p2' }, [], 'audit');
    const second = linkOf(dir, 'audit');
    expect(second).not.toBe(first);
    expect(readdirSync(join(dir, 'audit'))).toEqual(['audit.json']);
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('2');
    // Only the current set and its marker; the manifest lists the files by their path through the link.
    const name = second!.split('/')[1]!;
    expect(sets(dir)).toEqual([name, `${name}.mark`]);
    expect(manifest(dir).files.map((f) => f.path)).toEqual(['audit/audit.json', 'plan.md']);
    expect(readdirSync(dir).sort()).toEqual(['.liujin-manifest.json', '.liujin-sets', 'audit', 'plan.md']);
  });

  it('uses the journal path where the file system has no links (EPERM), creating nothing in .liujin-sets', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1', 'audit/audit.csv': '1' }, [], 'audit', { symlink: noLinks });
    await write(dir, 'audit', { 'audit/audit.json': '2' }, [], 'audit', { symlink: noLinks });
    expect(lstatSync(join(dir, 'audit')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'audit'))).toEqual(['audit.json']);
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('2');
    expect(readdirSync(dir).sort()).toEqual(['.liujin-manifest.json', 'audit']);
  });

  it('converts a real folder an older liujin wrote into a link, whole', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1', 'audit/sub/x.csv': '1' }, [], 'audit', { symlink: noLinks });
    expect(lstatSync(join(dir, 'audit')).isDirectory()).toBe(true);
    await write(dir, 'audit', { 'audit/audit.json': '2' }, [], 'audit');
    expect(linkOf(dir, 'audit')).toMatch(/^\.liujin-sets\/audit\.[0-9a-f]{24}$/);
    expect(readdirSync(join(dir, 'audit'))).toEqual(['audit.json']);
    expect(sets(dir)).toHaveLength(2);
  });

  it('keeps a real folder holding a file of the user’s, on the journal path, the file untouched', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1', 'audit/audit.csv': '1' }, [], 'audit', { symlink: noLinks });
    writeFileSync(join(dir, 'audit', 'my-notes.txt'), 'mine');
    await write(dir, 'audit', { 'audit/audit.json': '2' }, [], 'audit');
    expect(lstatSync(join(dir, 'audit')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'audit')).sort()).toEqual(['audit.json', 'my-notes.txt']);
    expect(readFileSync(join(dir, 'audit/my-notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, '.liujin-sets'))).toBe(false);
  });

  it('a file the user put into a linked set keeps that set whole (unmarked), with a warning', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1' }, [], 'audit');
    const old = linkOf(dir, 'audit')!;
    writeFileSync(join(dir, 'audit', 'my-notes.txt'), 'mine');
    const warnings: string[] = [];
    await write(dir, 'audit', { 'audit/audit.json': '2' }, [], 'audit', { warnings });
    expect(warnings.join('\n')).toContain(`audit/my-notes.txt is not liujin's`);
    expect(readFileSync(join(dir, old, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('2');
    // No longer marked as liujin's: later runs leave it where it is.
    expect(existsSync(join(dir, `${old}.mark`))).toBe(false);
    await write(dir, 'audit', { 'audit/audit.json': '3' }, [], 'audit');
    expect(readFileSync(join(dir, old, 'my-notes.txt'), 'utf8')).toBe('mine');
  });

  it('an input read through the link (--previous out/audit/audit.json) is never overwritten', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': 'last year' }, [], 'audit');
    const link = linkOf(dir, 'audit');
    const error = await write(dir, 'audit', { 'audit/audit.json': 'this year' }, [join(dir, 'audit/audit.json')], 'audit').catch((e: unknown) => e);
    expect(codes(error)).toEqual(['out_overwrites_input']);
    expect(linkOf(dir, 'audit')).toBe(link);
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('last year');
    // A stale input in the previous set keeps that set (the input stays readable where it is).
    const input = join(dir, 'audit/audit.json');
    const real = join(dir, link!, 'audit.json');
    await write(dir, 'audit', { 'audit/other.json': 'x' }, [input], 'audit');
    expect(readFileSync(real, 'utf8')).toBe('last year');
  });

  it('leaves planted look-alikes alone: a link to an unmarked folder, a folder with a wrong marker, a linked .liujin-sets', async () => {
    const dir = tempDir();
    const fake = 'audit.0123456789abcdef01234567';
    mkdirSync(join(dir, '.liujin-sets', fake), { recursive: true });
    writeFileSync(join(dir, '.liujin-sets', fake, 'precious.txt'), 'not liujin’s');
    symlinkSync(`.liujin-sets/${fake}`, join(dir, 'audit'));
    const error = await write(dir, 'audit', { 'audit/audit.json': '1' }, [], 'audit').catch((e: unknown) => e);
    expect(codes(error)).toEqual(['out_symlink']);
    // A marker that does not repeat the name: not an orphan of liujin's either.
    writeFileSync(join(dir, '.liujin-sets', `${fake}.mark`), 'something else\n');
    await write(dir, 'calendar', { 'calendars/a.ics': 'A' }, [], 'calendars');
    expect(readFileSync(join(dir, '.liujin-sets', fake, 'precious.txt'), 'utf8')).toBe('not liujin’s');
    expect(linkOf(dir, 'audit')).toBe(`.liujin-sets/${fake}`);
    expect(await resolveOwnFile(dir, 'audit/precious.txt')).toBeUndefined();
    expect(await resolveOwnFile(dir, 'calendars/a.ics')).toBe(join(dir, linkOf(dir, 'calendars')!, 'a.ics'));

    // .liujin-sets itself a link to another folder: nothing is made through it (the journal path).
    const other = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(other, '.liujin-sets'));
    await write(other, 'audit', { 'audit/audit.json': '1' }, [], 'audit');
    expect(lstatSync(join(other, 'audit')).isDirectory()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('clears sets a killed run left (marked, not linked), and nothing unmarked', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1' }, [], 'audit');
    const current = linkOf(dir, 'audit')!.split('/')[1]!;
    // What a kill before the commit point leaves: a complete set and its marker, no link to it; a lone marker.
    const orphan = 'audit.aaaaaaaaaaaaaaaaaaaaaaaa';
    mkdirSync(join(dir, '.liujin-sets', orphan));
    writeFileSync(join(dir, '.liujin-sets', orphan, 'audit.json'), 'half');
    writeFileSync(join(dir, '.liujin-sets', `${orphan}.mark`), `${orphan}\n`);
    writeFileSync(join(dir, '.liujin-sets', 'worklists.bbbbbbbbbbbbbbbbbbbbbbbb.mark'), 'worklists.bbbbbbbbbbbbbbbbbbbbbbbb\n');
    // A marker cut short by the kill (created, not yet written), its folder never made.
    writeFileSync(join(dir, '.liujin-sets', 'audit.dddddddddddddddddddddddd.mark'), '');
    const unmarked = 'audit.cccccccccccccccccccccccc';
    mkdirSync(join(dir, '.liujin-sets', unmarked));
    const next = await OutputSet.open({ outDir: dir, set: 'other', inputs: [] });
    await next.abort();
    expect(sets(dir)).toEqual([current, `${current}.mark`, unmarked].sort());
    expect(readFileSync(join(dir, 'audit/audit.json'), 'utf8')).toBe('1');
  });

  it('a failure before the commit point leaves the previous link and no new set', async () => {
    const dir = tempDir();
    await write(dir, 'audit', { 'audit/audit.json': '1' }, [], 'audit');
    const before = sets(dir);
    const link = linkOf(dir, 'audit');
    const failing = withOutputSet({ outDir: dir, set: 'audit', inputs: [] }, out, async (sink) => {
      sink.claimFolder('audit');
      await sink.write(files({ 'audit/audit.json': '2' }));
      throw new Error('renderer failed');
    });
    await expect(failing).rejects.toThrow('renderer failed');
    expect(linkOf(dir, 'audit')).toBe(link);
    expect(sets(dir)).toEqual(before);
  });
});
