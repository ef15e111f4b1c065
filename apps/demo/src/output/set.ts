/**
 * One design for every command that writes into `--out` (issue #14 §1, docs/security.md):
 * a run stages its whole set in a staging folder of its own, then switches it in through a
 * commit record; it replaces or removes only files the manifest says liujin wrote, never an
 * input, never through a symbolic link (but its own set links), and refuses a folder that is a file.
 * A folder claimed whole (`audit/`, ...) is a link to a complete set, switched by one rename
 * (./links.ts); where that cannot be, it is switched file by file like the other files.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isSafeRelativePath, type Artefact, type Problem } from '@liujin/core';
import { applyJournal, recoverJournal, UnsafeTargetError } from './journal';
import { JOURNAL, STAGE_MARKER, STAGE_PREFIX, acquireLock, manifestText, readManifest, removeOrphanStages, type Journal, type Manifest, type ManifestEntry } from './ledger';
import { outProblem, fsProblem, OUTPUT_LIMIT } from './problems';
import { SETS, linkTarget, linkable, markPath, ourLink, removeOrphanSets, removeSet, setsFolderUsable } from './links';
import { InputError } from '../runtime';

export interface WrittenArtefact {
  /** Path inside the output folder (POSIX separators). */
  readonly path: string;
  /** Where the file is once the set is switched in. */
  readonly file: string;
  readonly bytes: number;
}

type ArtefactContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;
export interface WritableArtefact {
  readonly path: string;
  readonly content: ArtefactContent | Artefact['content'];
}

export interface OutputSetOptions {
  /** The `--out` folder as the user gave it. */
  outDir: string;
  /** The owner of the files this run writes (a command, e.g. `audit`, `calendar`, `templates:school`). */
  set: string;
  /** Files this run reads: never overwritten nor removed. */
  inputs: readonly (string | undefined)[];
  warn?: (line: { zh: string; en: string }) => void;
  /** Creates a symbolic link (default `fs.symlink`); tests pass one failing as Windows without developer mode does. */
  symlink?: (target: string, path: string) => Promise<void>;
}

/** Errors by which a file system says it has no symbolic links (Windows without developer mode, some FUSE and SMB mounts). */
const NO_LINKS = new Set(['EPERM', 'ENOSYS', 'EOPNOTSUPP', 'ENOTSUP', 'EINVAL']);
const newSetName = (folder: string) => `${folder}.${randomBytes(12).toString('hex')}`;

interface FileId {
  real: string;
  dev: number;
  ino: number;
}

export class OutputSet {
  private readonly entries = new Map<string, ManifestEntry>();
  private readonly folded = new Set<string>();
  private readonly problems: Problem[] = [];
  private readonly claimed = new Set<string>();
  private readonly previousEntries: ReadonlyMap<string, ManifestEntry>;
  private closed = false;
  /** The previous set each claimed folder links to, looked up once per run (the folder's lock is held). */
  private readonly previousLinks = new Map<string, Promise<string | undefined>>();

  private constructor(
    private readonly options: OutputSetOptions,
    /** The output folder, real path. */
    readonly dir: string,
    /** The staging folder's name inside `dir`. */
    readonly stageName: string,
    private readonly previous: Manifest | undefined,
    private readonly inputs: readonly FileId[],
    private readonly release: () => Promise<void>,
  ) {
    this.previousEntries = new Map(previous?.files.map((e) => [e.path, e]));
  }

  /** Checks the folder, takes its lock, finishes or clears what a killed run left, and opens a staging folder. */
  static async open(options: OutputSetOptions): Promise<OutputSet> {
    const dir = await prepareFolder(options.outDir);
    const inputs = await identify(options.inputs);
    const release = await acquireLock(dir).catch((error: unknown) => {
      throw new InputError([fsProblem(options.outDir, error, 'lock')]);
    });
    try {
      await recoverJournal(dir).catch((error: unknown) => {
        if (error instanceof UnsafeTargetError) throw new InputError([outProblem(options.outDir, error.path, error.reason === 'symlink' ? 'symlink' : 'blocked')]);
        throw error;
      });
      await removeOrphanStages(dir);
      await removeOrphanSets(dir);
      const stageName = `${STAGE_PREFIX}${randomBytes(12).toString('hex')}`;
      // mkdir without `recursive` fails on anything already there (a planted folder or link).
      await mkdir(join(dir, stageName), { mode: 0o700 });
      await writeFile(join(dir, stageName, STAGE_MARKER), `${stageName}\n`, { flag: 'wx', mode: 0o600 });
      await mkdir(join(dir, stageName, 'files'));
      return new OutputSet(options, dir, stageName, await readManifest(dir), inputs, release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** The folder external writers (the streamed audit) write the set's files into. */
  get stageFiles(): string {
    return join(this.dir, this.stageName, 'files');
  }

  /** A folder inside the staging folder for a writer's scratch files (removed with it, even after a kill). */
  get scratch(): string {
    return join(this.dir, this.stageName);
  }

  /** Writes artefacts into the staging folder; returns what will be switched in. */
  async write(artefacts: AsyncIterable<WritableArtefact> | Iterable<WritableArtefact>, onWritten?: (written: WrittenArtefact) => void): Promise<WrittenArtefact[]> {
    const written: WrittenArtefact[] = [];
    for await (const artefact of artefacts) {
      const path = this.claim(artefact.path);
      const staged = join(this.stageFiles, ...path.split('/'));
      await mkdir(dirname(staged), { recursive: true }).catch((error: unknown) => {
        throw new InputError([fsProblem(join(this.options.outDir, path), error, 'write')]);
      });
      const hash = createHash('sha256');
      let bytes = 0;
      // Created exclusively: never through an existing file or symbolic link.
      const handle = await open(staged, 'wx', 0o666).catch((error: unknown) => {
        throw new InputError([fsProblem(join(this.options.outDir, path), error, 'write')]);
      });
      try {
        for await (const chunk of chunks(artefact.content)) {
          const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          hash.update(data);
          bytes += data.byteLength;
          await handle.write(data);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code) throw new InputError([fsProblem(join(this.options.outDir, path), error, 'write')]);
        throw error;
      } finally {
        await handle.close();
      }
      written.push(await this.record(path, bytes, hash.digest('hex')));
      onWritten?.(written.at(-1)!);
    }
    return written;
  }

  /**
   * Makes a folder one report set: files liujin wrote there earlier, under any command, that
   * this run does not write again go with the switch, so `audit/` never holds reports of two runs.
   */
  claimFolder(folder: string): void {
    this.claimed.add(folder.replace(/\/+$/, ''));
  }

  /** Registers files an external writer put under `stageFiles`. */
  async adopt(paths: readonly string[]): Promise<WrittenArtefact[]> {
    const written: WrittenArtefact[] = [];
    for (const raw of paths) {
      const path = this.claim(raw);
      const staged = join(this.stageFiles, ...path.split('/'));
      const info = await lstat(staged);
      if (!info.isFile()) throw new Error(`staged ${path} is not a file`);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(staged)) hash.update(chunk as Buffer);
      written.push(await this.record(path, info.size, hash.digest('hex')));
    }
    return written;
  }

  /** Switches the staged set in: the commit point is one rename; stale files of this set go. */
  async commit(): Promise<{ removed: string[]; kept: string[] }> {
    this.assertOpen();
    let committed = false;
    /** Set names (folders and markers) this run made before its commit point: orphans if it fails before it. */
    const reserved: string[] = [];
    try {
      if (this.problems.length > 0) throw new InputError(capped(this.problems), { zh: '无法写入输出文件夹', en: 'cannot write into the output folder' });
      const warnings: { zh: string; en: string }[] = [];
      const links = await this.prepareLinks(reserved, warnings);
      const linked = new Set(links.map((l) => l.folder));
      const inLinked = (path: string) => path.includes('/') && linked.has(path.split('/')[0]!);
      const owned = new Map<string, ManifestEntry>();
      for (const entry of this.previous?.files ?? []) owned.set(entry.path, entry);
      const removes: Journal['removes'] = [];
      const kept: string[] = [];
      for (const entry of this.previous?.files ?? []) {
        // A switched folder's previous files go with its previous set.
        if (inLinked(entry.path)) {
          owned.delete(entry.path);
          continue;
        }
        const claimed = [...this.claimed].some((folder) => entry.path.startsWith(`${folder}/`));
        if ((entry.set !== this.options.set && !claimed) || this.entries.has(entry.path)) continue;
        owned.delete(entry.path);
        const target = join(this.dir, ...entry.path.split('/'));
        const info = await lstat(target).catch(() => undefined);
        if (info === undefined) continue;
        if (info.isFile() && !this.isInput(target, info) && info.size === entry.bytes && (await sha256(target)) === entry.sha256) removes.push({ path: entry.path, bytes: entry.bytes });
        else kept.push(entry.path);
      }
      for (const [path, entry] of this.entries) owned.set(path, entry);
      // Entries whose file is gone are dropped: the manifest lists what is there.
      const present: ManifestEntry[] = [];
      for (const entry of owned.values()) {
        if (this.entries.has(entry.path) || (await lstat(join(this.dir, ...entry.path.split('/'))).catch(() => undefined))) present.push(entry);
      }
      const stage = join(this.dir, this.stageName);
      const removed = new Set(removes.map((r) => r.path));
      await writeFile(join(stage, 'manifest.json'), manifestText(present.filter((e) => !removed.has(e.path))), { flag: 'wx' });
      const journal: Journal = { liujin: 1, stage: this.stageName, moves: [...this.entries.keys()].filter((path) => !inLinked(path)), removes, links };
      await writeFile(join(stage, 'commit.json'), JSON.stringify(journal), { flag: 'wx' });
      await rename(join(stage, 'commit.json'), join(this.dir, JOURNAL));
      // The commit point is passed: from here the staging folder holds the rest of the new set and
      // must survive a failure, for the next run to finish the switch (`recoverJournal`).
      committed = true;
      try {
        await applyJournal(this.dir, journal);
      } catch (error) {
        if (error instanceof UnsafeTargetError) throw new InputError([outProblem(this.options.outDir, error.path, error.reason === 'symlink' ? 'symlink' : 'blocked')]);
        throw error;
      }
      for (const path of kept) this.options.warn?.({ zh: `${path} 在上次生成后被改动，未删除`, en: `${path} was changed since liujin wrote it: kept` });
      for (const line of warnings) this.options.warn?.(line);
      return { removed: removes.map((r) => r.path), kept };
    } finally {
      this.closed = true;
      if (!committed) {
        for (const set of reserved) await removeSet(this.dir, set).catch(() => undefined);
        await rm(join(this.dir, this.stageName), { recursive: true, force: true }).catch(() => undefined);
      }
      await this.release();
    }
  }

  /** Drops the staging folder; the previous set stands untouched. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await rm(join(this.dir, this.stageName), { recursive: true, force: true }).catch(() => undefined);
    await this.release();
  }

  /**
   * Before the commit point: each claimed folder that can be a link gets its new set folder in
   * `.liujin-sets` (the staged files renamed there) and its new link waiting in the staging
   * folder. A folder stays on the journal path when it is someone else's link or file, a real
   * folder holding anything liujin did not write (or changed, or an input), or where the file
   * system has no symbolic links.
   */
  private async prepareLinks(reserved: string[], warnings: { zh: string; en: string }[]): Promise<Journal['links']> {
    const links: Journal['links'] = [];
    if (!(await setsFolderUsable(this.dir))) return links;
    for (const folder of [...this.claimed].sort()) {
      if (!linkable(folder)) continue;
      const place = join(this.dir, folder);
      const info = await lstat(place).catch(() => undefined);
      let old: string | undefined;
      let retire = false;
      let keepOld = false;
      if (info?.isSymbolicLink()) {
        old = await ourLink(this.dir, folder);
        if (old === undefined) continue; // someone else's link: never replaced, never written through
        const { offender } = await this.inspect(join(this.dir, SETS, old), folder);
        if (offender !== undefined) {
          keepOld = true;
          warnings.push({ zh: `${offender} 不是 liujin 写出的（或在上次生成后被改动，或是输入文件）；上一套文件原样保留在 ${SETS}/${old}/`, en: `${offender} is not liujin's (or was changed since liujin wrote it, or is an input): the previous set is kept whole in ${SETS}/${old}/` });
        }
      } else if (info?.isDirectory()) {
        // A folder an older liujin wrote: switched to a link when it holds only liujin's files.
        const { offender, files } = await this.inspect(place, folder);
        if (offender !== undefined || files === 0) continue;
        retire = true;
        old = newSetName(folder);
      } else if (info !== undefined) continue;
      const set = newSetName(folder);
      const waiting = join(this.dir, this.stageName, 'links', folder);
      await mkdir(dirname(waiting), { recursive: true });
      // The link first: where the file system has none, nothing else is made and the journal path is used.
      try {
        // 'dir': Windows needs the kind, and the target does not exist yet to be detected.
        await (this.options.symlink ?? ((target: string, path: string) => symlink(target, path, 'dir')))(linkTarget(set), waiting);
      } catch (error) {
        if (NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '') && (old === undefined || retire)) continue;
        throw new InputError([fsProblem(join(this.options.outDir, folder), error, 'write')]);
      }
      await mkdir(join(this.dir, SETS)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      if (!(await setsFolderUsable(this.dir))) throw new InputError([outProblem(this.options.outDir, SETS, 'symlink')]);
      for (const name of retire ? [set, old!] : [set]) {
        await writeFile(markPath(this.dir, name), `${name}\n`, { flag: 'wx', mode: 0o644 });
        reserved.push(name);
      }
      const staged = join(this.stageFiles, folder);
      if ((await lstat(staged).catch(() => undefined))?.isDirectory()) await rename(staged, join(this.dir, SETS, set));
      else await mkdir(join(this.dir, SETS, set));
      links.push({ folder, set, ...(old !== undefined ? { old } : {}), ...(retire ? { retire } : {}), ...(keepOld ? { keepOld } : {}) });
    }
    return links;
  }

  /**
   * The first thing in a previous set (or a folder an older liujin wrote) that is not liujin's to
   * remove: a file the manifest does not list, a stale file changed since, an input, a link or
   * other non-file. Files this run writes again are replaced anyway, as on the journal path.
   */
  private async inspect(root: string, folder: string): Promise<{ offender?: string; files: number }> {
    let files = 0;
    const walk = async (at: string, rel: string): Promise<string | undefined> => {
      for (const entry of await readdir(at, { withFileTypes: true })) {
        const path = `${rel}/${entry.name}`;
        const full = join(at, entry.name);
        if (entry.isDirectory()) {
          const found = await walk(full, path);
          if (found !== undefined) return found;
          continue;
        }
        if (!entry.isFile()) return path;
        files++;
        const listed = this.previousEntries.get(path);
        const info = await lstat(full);
        if (listed === undefined || this.isInput(full, info)) return path;
        if (!this.entries.has(path) && (info.size !== listed.bytes || (await sha256(full)) !== listed.sha256)) return path;
      }
      return undefined;
    };
    const offender = await walk(root, folder);
    return { ...(offender !== undefined ? { offender } : {}), files };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('output set already closed');
  }

  /** Checks a path once per set (no two paths that a case-insensitive or normalising file system would merge). */
  private claim(path: string): string {
    this.assertOpen();
    if (!isSafeRelativePath(path) || path.split('/')[0]!.startsWith('.liujin-')) throw new Error(`unsafe artefact path: ${JSON.stringify(path)}`);
    const key = path.normalize('NFC').toLowerCase();
    if (this.folded.has(key)) throw new Error(`two artefacts share the path ${JSON.stringify(path)} (up to case or Unicode normalisation)`);
    this.folded.add(key);
    return path;
  }

  private async record(path: string, bytes: number, sha: string): Promise<WrittenArtefact> {
    await this.checkTarget(path);
    this.entries.set(path, { path, set: this.options.set, bytes, sha256: sha });
    return { path, file: join(this.options.outDir, ...path.split('/')), bytes };
  }

  /** The target must be absent or a file liujin wrote (listed in the manifest), never an input, never behind a link. */
  private async checkTarget(path: string): Promise<void> {
    if (this.problems.length > OUTPUT_LIMIT) return;
    const segments = path.split('/');
    let at = this.dir;
    for (let i = 0; i < segments.length; i++) {
      // A claimed folder that is liujin's own link: the file checked is the previous set's.
      if (i === 0 && segments.length > 1 && this.claimed.has(segments[0]!)) {
        const folder = segments[0]!;
        if (!this.previousLinks.has(folder)) this.previousLinks.set(folder, ourLink(this.dir, folder));
        const set = await this.previousLinks.get(folder)!;
        if (set !== undefined) {
          at = join(this.dir, SETS, set);
          continue;
        }
      }
      at = join(at, segments[i]!);
      const info = await lstat(at).catch(() => undefined);
      if (info === undefined) return;
      const last = i === segments.length - 1;
      if (info.isSymbolicLink()) return void this.problems.push(outProblem(this.options.outDir, segments.slice(0, i + 1).join('/'), 'symlink'));
      if (!last && !info.isDirectory()) return void this.problems.push(outProblem(this.options.outDir, segments.slice(0, i + 1).join('/'), 'blocked'));
      if (last) {
        if (this.isInput(at, info)) return void this.problems.push(outProblem(this.options.outDir, path, 'input'));
        if (!info.isFile()) return void this.problems.push(outProblem(this.options.outDir, path, 'blocked'));
        if (!this.previousEntries.has(path)) this.problems.push(outProblem(this.options.outDir, path, 'foreign'));
      }
    }
  }

  private isInput(target: string, info: { dev: number; ino: number }): boolean {
    return this.inputs.some((input) => input.real === target || (input.dev === info.dev && input.ino === info.ino));
  }
}

async function* chunks(content: WritableArtefact['content']): AsyncIterable<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else yield* content;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function capped(problems: Problem[]): Problem[] {
  return problems.length > OUTPUT_LIMIT ? problems.slice(0, OUTPUT_LIMIT) : problems;
}

/** The output folder exists and is a folder (created when missing); its real path. */
async function prepareFolder(outDir: string): Promise<string> {
  try {
    const info = await stat(outDir).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(outDir, { recursive: true });
      return stat(outDir);
    });
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return await realpath(outDir);
  } catch (error) {
    throw new InputError([fsProblem(outDir, error, 'folder')], { zh: '无法写入输出文件夹', en: 'cannot write into the output folder' });
  }
}

async function identify(files: readonly (string | undefined)[]): Promise<FileId[]> {
  const ids: FileId[] = [];
  for (const file of files) {
    if (file === undefined) continue;
    try {
      const real = await realpath(file);
      const info = await stat(real);
      ids.push({ real, dev: info.dev, ino: info.ino });
    } catch {
      // A missing input is reported by its reader.
    }
  }
  return ids;
}

