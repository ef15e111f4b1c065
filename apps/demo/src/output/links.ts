/**
 * Report sets switched in by one rename (docs/security.md, "Output folders"): a folder liujin
 * claims whole (`audit/`, `calendars/`, `worklists/`, ...) is a symbolic link
 * `audit -> .liujin-sets/audit.<24 hex>` to a set folder written complete beforehand. A new set
 * is switched in by renaming a new link over the old one: one atomic step, so a reader, and a
 * `kill -9` at any instant, sees exactly one complete set.
 *
 * A set folder is liujin's when its name is `<folder>.<24 hex>`, it is a real folder inside the
 * real folder `.liujin-sets`, and its marker `<folder>.<24 hex>.mark` beside it (a regular file,
 * created exclusively before the folder) repeats its name. A link is liujin's when its target is
 * exactly `.liujin-sets/<its own name>.<24 hex>` and that set folder is liujin's. Nothing else
 * there is ever removed, and no other link is followed.
 */
import { lstat, readFile, readdir, readlink, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const SETS = '.liujin-sets';
const HEX = /^[0-9a-f]{24}$/;
/** A folder name that can become a link: one segment, not hidden, no separators. */
const FOLDER = /^[^./\\][^/\\]*$/;

/** The link's target for a set (relative: the link moves with the output folder; the platform's separator). */
export const linkTarget = (set: string) => join(SETS, set);
const markOf = (set: string) => `${set}.mark`;

/** `audit.<hex>` → `audit`; undefined for a name that is not a set's. */
function folderOfSet(set: string): string | undefined {
  const dot = set.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const folder = set.slice(0, dot);
  return FOLDER.test(folder) && HEX.test(set.slice(dot + 1)) ? folder : undefined;
}

/** True when a claimed folder can be a link (one plain segment). */
export const linkable = (folder: string) => FOLDER.test(folder);

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** True when `.liujin-sets` is absent or a real folder (never a link, never a file). */
export async function setsFolderUsable(dir: string): Promise<boolean> {
  const info = await lstatOrUndefined(join(dir, SETS));
  return info === undefined || info.isDirectory();
}

/** True when `set` is a set folder liujin made (see the module comment). */
async function isOurSet(dir: string, set: string): Promise<boolean> {
  if (folderOfSet(set) === undefined) return false;
  try {
    if (!(await lstat(join(dir, SETS))).isDirectory()) return false;
    if (!(await lstat(join(dir, SETS, set))).isDirectory()) return false;
    const mark = join(dir, SETS, markOf(set));
    if (!(await lstat(mark)).isFile()) return false;
    return (await readFile(mark, 'utf8')).trim() === set;
  } catch {
    return false;
  }
}

/** The set `dir/folder` links to when it is one of liujin's links; undefined otherwise (a folder, a file, anyone else's link). */
export async function ourLink(dir: string, folder: string): Promise<string | undefined> {
  if (!linkable(folder)) return undefined;
  const info = await lstatOrUndefined(join(dir, folder));
  if (!info?.isSymbolicLink()) return undefined;
  const target = (await readlink(join(dir, folder)).catch(() => '')).replaceAll('\\', '/');
  const prefix = `${SETS}/`;
  if (!target.startsWith(prefix)) return undefined;
  const set = target.slice(prefix.length);
  if (folderOfSet(set) !== folder) return undefined;
  return (await isOurSet(dir, set)) ? set : undefined;
}

/** Removes one of liujin's set folders and its marker (`rm` unlinks links inside, never follows them). */
export async function removeSet(dir: string, set: string): Promise<void> {
  if (await isOurSet(dir, set)) await rm(join(dir, SETS, set), { recursive: true, force: true });
  await dropMark(dir, set);
}

/**
 * Unlinks a set's marker when it is liujin's (a regular file repeating the name, or an empty one
 * a kill cut short before its folder came): the folder, if any, is then no longer liujin's to remove.
 */
export async function dropMark(dir: string, set: string): Promise<void> {
  if (folderOfSet(set) === undefined || !(await setsFolderUsable(dir))) return;
  const mark = join(dir, SETS, markOf(set));
  const info = await lstatOrUndefined(mark);
  if (!info?.isFile()) return;
  const text = (await readFile(mark, 'utf8')).trim();
  if (text === set || (text === '' && (await lstatOrUndefined(join(dir, SETS, set))) === undefined)) await unlink(mark);
}

/** The marker's path for a new set (written exclusively by the caller before the set folder exists). */
export const markPath = (dir: string, set: string) => join(dir, SETS, markOf(set));

/**
 * Removes the sets a killed run left: marked set folders no link of liujin's points at, and
 * markers whose folder never came. Unmarked folders and anything else stay.
 */
export async function removeOrphanSets(dir: string): Promise<string[]> {
  const sets = join(dir, SETS);
  if (!(await lstatOrUndefined(sets))?.isDirectory()) return [];
  const removed: string[] = [];
  for (const name of await readdir(sets)) {
    if (!name.endsWith('.mark')) continue;
    const set = name.slice(0, -'.mark'.length);
    const folder = folderOfSet(set);
    if (folder === undefined || (await ourLink(dir, folder)) === set) continue;
    await removeSet(dir, set);
    removed.push(set);
  }
  return removed;
}

/**
 * Where a file liujin wrote at `path` (inside `dir`) is, for reading: liujin's own set link at the
 * first segment is followed; any other link, or a non-file at the end, gives undefined.
 */
export async function resolveOwnFile(dir: string, path: string): Promise<string | undefined> {
  const segments = path.split('/');
  let at = dir;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (i === 0 && !last) {
      const set = await ourLink(dir, segment);
      if (set !== undefined) {
        at = join(dir, SETS, set);
        continue;
      }
    }
    at = join(at, segment);
    const info = await lstatOrUndefined(at);
    if (info === undefined || info.isSymbolicLink()) return undefined;
    if (last ? !info.isFile() : !info.isDirectory()) return undefined;
  }
  return at;
}
