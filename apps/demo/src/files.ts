/**
 * File I/O for the CLI: reading inputs as bytes, resolving paths inside a folder, and the
 * atomic single-file write of `init`. Output folders are written by ./output (staged sets).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isSafeRelativePath, problem } from '@liujin/core';
import { InputError } from './runtime';

/** The input problem for a file that cannot be read (missing, a directory, no permission). */
export function unreadableFile(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new InputError([
    problem(
      'file_unreadable',
      {
        zh: code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code}）`,
        en: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'this is a directory, not a file' : `cannot read the file (${code})`,
      },
      { file },
    ),
  ]);
}

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

/** Resolves an artefact's path inside `outDir`, refusing anything that would escape it. */
export function resolveInside(outDir: string, relativePath: string): string {
  if (!isSafeRelativePath(relativePath)) throw new Error(`unsafe artefact path: ${JSON.stringify(relativePath)}`);
  const root = resolve(outDir);
  const target = resolve(root, ...relativePath.split('/'));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`artefact path escapes the output folder: ${relativePath}`);
  }
  return target;
}

/**
 * Writes one file atomically (used by `init` for its starter files): an exclusively created
 * temporary sibling with a crypto-random name (never through an existing path or link), then a
 * rename over the target. Output folders go through `output/` instead (staged sets, a manifest).
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.liujin-tmp-${randomBytes(12).toString('hex')}`);
  let created = false;
  try {
    const handle = await open(temp, 'wx');
    created = true;
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    // Only a temporary file this call created is removed.
    if (created) await rm(temp, { force: true });
    throw error;
  }
}
