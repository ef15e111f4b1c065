/**
 * Switching a staged set into the output folder, and finishing a switch a killed run left
 * half-done. The commit record (`.liujin-commit.json`) is written into the staging folder and
 * renamed into place: that one rename is the commit point. Before it, the previous set stands
 * and the staging folder is an orphan the next run removes; after it, every move is replayed
 * until done (each step is idempotent), so a `kill -9` at any instant ends in one whole set.
 */
import { lstat, mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL, Journal, MANIFEST, isOurStage } from './ledger';
import { SETS, dropMark, ourLink, removeSet } from './links';

/** Raised when the folder changed under liujin in a way it will not write through (a symbolic link, a file where a folder goes). */
export class UnsafeTargetError extends Error {
  override readonly name = 'UnsafeTargetError';
  constructor(
    readonly path: string,
    readonly reason: 'symlink' | 'not-a-folder',
  ) {
    super(`${path}: ${reason}`);
  }
}

const exists = async (path: string) => {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Creates the folders of `relativePath` inside `dir`, one by one, refusing symbolic links and files on the way. */
async function ensureParents(dir: string, relativePath: string): Promise<void> {
  const segments = relativePath.split('/').slice(0, -1);
  let at = dir;
  for (const segment of segments) {
    at = join(at, segment);
    const info = await exists(at);
    if (info === undefined) {
      try {
        await mkdir(at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      continue;
    }
    if (info.isSymbolicLink()) throw new UnsafeTargetError(relativePath, 'symlink');
    if (!info.isDirectory()) throw new UnsafeTargetError(relativePath, 'not-a-folder');
  }
}

/**
 * Switches a claimed folder to its new set: one rename of the waiting link over the old link
 * (or, the first time, over the place of a real folder an older liujin wrote, renamed away first).
 */
async function switchLink(dir: string, stage: string, link: Journal['links'][number]): Promise<void> {
  const target = join(dir, link.folder);
  if (link.retire && link.old !== undefined && (await exists(target))?.isDirectory()) await rename(target, join(dir, SETS, link.old));
  const waiting = join(stage, 'links', link.folder);
  if (!(await exists(waiting))?.isSymbolicLink()) return; // switched before the kill
  try {
    await rename(waiting, target);
  } catch (error) {
    // A folder or something else put there since the commit: not replaced, not written through.
    if (['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw new UnsafeTargetError(link.folder, 'not-a-folder');
    throw error;
  }
}

/** Applies a commit record: link switches, moves, removals, the manifest, old sets; then drops the record and the staging folder. */
export async function applyJournal(dir: string, journal: Journal): Promise<void> {
  const stage = join(dir, journal.stage);
  for (const link of journal.links) await switchLink(dir, stage, link);
  for (const path of journal.moves) {
    const from = join(stage, 'files', ...path.split('/'));
    if ((await exists(from)) === undefined) continue; // moved before the kill
    await ensureParents(dir, path);
    await rename(from, join(dir, ...path.split('/')));
  }
  for (const stale of journal.removes) {
    const target = join(dir, ...stale.path.split('/'));
    const info = await exists(target);
    // Checked unmodified before the commit; a file since replaced (other size, a link) is left alone.
    if (info?.isFile() && info.size === stale.bytes) await unlink(target);
  }
  const manifest = join(stage, 'manifest.json');
  if ((await exists(manifest)) !== undefined) await rename(manifest, join(dir, MANIFEST));
  for (const link of journal.links) {
    if (link.old === undefined || (await ourLink(dir, link.folder)) === link.old) continue;
    // A previous set holding someone else's files stays whole; it is only no longer marked as liujin's.
    if (link.keepOld) await dropMark(dir, link.old);
    else await removeSet(dir, link.old);
  }
  await unlink(join(dir, JOURNAL)).catch(() => undefined);
  if (await isOurStage(dir, journal.stage)) await rm(stage, { recursive: true, force: true });
}

/** Finishes a switch a killed run left half-done; true when there was one. */
export async function recoverJournal(dir: string): Promise<boolean> {
  const file = join(dir, JOURNAL);
  const info = await exists(file);
  if (info === undefined || !info.isFile()) return false;
  let journal: Journal;
  try {
    journal = Journal.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Not a record liujin wrote whole (it is renamed into place complete): leave it be.
    return false;
  }
  await applyJournal(dir, journal);
  return true;
}
