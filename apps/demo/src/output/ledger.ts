/**
 * What liujin keeps in an output folder to know which files it wrote (docs/security.md,
 * "Output folders"): the manifest, the commit journal and the lock. Every name liujin gives its
 * own bookkeeping starts with `.liujin-`; nothing else in the folder is ever removed.
 *
 * - `.liujin-manifest.json`: every file liujin wrote there, with the set (command) that owns it,
 *   its size and SHA-256. Only files listed here are replaced or removed.
 * - `.liujin-stage-<24 hex>/`: a run's staging folder, created exclusively (crypto-random name,
 *   mode 0700) and holding a marker file that repeats its name. The new set is written here.
 * - `.liujin-commit.json`: the commit record. Once it exists the new set is decided; the moves it
 *   lists are replayed by the next run if this one is killed half-way (write-ahead journal).
 * - `.liujin-lock`: held while a run writes into the folder (the holder's pid and host).
 * - `.liujin-sets/`: the report sets of the folders liujin claims whole, each `audit` being a
 *   link `audit -> .liujin-sets/audit.<24 hex>` switched by one rename (./links.ts).
 */
import { lstat, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST = '.liujin-manifest.json';
export const JOURNAL = '.liujin-commit.json';
const LOCK = '.liujin-lock';
export const STAGE_PREFIX = '.liujin-stage-';
export const STAGE_MARKER = '.liujin-stage';
const STAGE_NAME = /^\.liujin-stage-[0-9a-f]{24}$/;
const SET_NAME = /^[^./\\][^/\\]*\.[0-9a-f]{24}$/;

export const ManifestEntry = z.object({ path: z.string(), set: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export const Manifest = z.object({ liujin: z.literal(1), files: z.array(ManifestEntry) });
export type Manifest = z.infer<typeof Manifest>;

export const Journal = z.object({
  liujin: z.literal(1),
  stage: z.string().regex(STAGE_NAME),
  /** Relative paths moved from `<stage>/files/` into the folder. */
  moves: z.array(z.string()),
  /** Stale files of the same set, checked unmodified before the commit, removed after the moves. */
  removes: z.array(z.object({ path: z.string(), bytes: z.number() })),
  /** Claimed folders switched by renaming a new link over the old one (./links.ts), before the moves. */
  links: z
    .array(
      z.object({
        folder: z.string().regex(/^[^./\\][^/\\]*$/),
        /** The new set; its link waits in `<stage>/links/<folder>`. */
        set: z.string().regex(SET_NAME),
        /** The previous set, removed after the switch. */
        old: z.string().regex(SET_NAME).optional(),
        /** The folder is a real one an older liujin wrote: renamed to `.liujin-sets/<old>` first. */
        retire: z.boolean().optional(),
        /** The previous set holds files that are not liujin's (or changed, or inputs): it stays, unmarked. */
        keepOld: z.boolean().optional(),
      }),
    )
    .default([]),
});
export type Journal = z.infer<typeof Journal>;

/** The previous manifest; `undefined` when there is none (or it is not one of ours). */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    const info = await lstat(join(dir, MANIFEST));
    if (!info.isFile()) return undefined;
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = Manifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's bytes: sorted by path, no timestamps (same input, same bytes). */
export function manifestText(files: readonly ManifestEntry[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ liujin: 1, files: sorted }, null, 2)}\n`;
}

/** True when a process with this pid runs on this host (a lock held by a killed run is stale). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

class FolderBusyError extends Error {
  override readonly name = 'FolderBusyError';
  constructor(readonly pid: number) {
    super(`another liujin run (pid ${pid}) is writing into this folder`);
  }
}

/** Takes the folder's lock (exclusive create); a lock left by a dead process is taken over. */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK);
  const body = `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, body, { flag: 'wx', mode: 0o600 });
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readLock(file);
      // Held by a live process here (this one included), or by another machine on a shared folder.
      if (holder && (holder.host !== hostname() || alive(holder.pid))) throw new FolderBusyError(holder.pid);
      // A killed run's lock (or one we cannot read): only a regular file of ours is removed.
      const info = await lstat(file);
      if (!info.isFile()) throw error;
      await unlink(file);
    }
  }
  throw new FolderBusyError(0);
}

async function readLock(file: string): Promise<{ pid: number; host: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}

/** True when `name` in `dir` is a staging folder liujin made: its name pattern, a real folder, its marker repeating the name. */
export async function isOurStage(dir: string, name: string): Promise<boolean> {
  if (!STAGE_NAME.test(name)) return false;
  try {
    const info = await lstat(join(dir, name));
    if (!info.isDirectory()) return false;
    const marker = join(dir, name, STAGE_MARKER);
    if (!(await lstat(marker)).isFile()) return false;
    return (await readFile(marker, 'utf8')).trim() === name;
  } catch {
    return false;
  }
}

/** Removes staging folders a killed run left (only ones liujin's naming and marker identify). */
export async function removeOrphanStages(dir: string, keep?: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (name === keep || !(await isOurStage(dir, name))) continue;
    // A folder liujin created exclusively for itself: `rm` unlinks symbolic links, never follows them.
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
