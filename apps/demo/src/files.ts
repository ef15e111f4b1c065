/**
 * File I/O for the CLI: reading inputs as bytes, and writing artefacts atomically (a temporary
 * file, then rename) so an interrupted run never leaves a half-written file, always inside the
 * output folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isSafeRelativePath, problem, type Artefact, type ArtefactContent } from '@liujin/core';
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

/** Writes one file atomically: a temporary sibling first, then a rename over the target. */
export async function writeFileAtomic(target: string, content: ArtefactContent): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface WrittenArtefact {
  readonly path: string;
  readonly file: string;
  readonly bytes: number;
}

/** Writes every artefact an exporter yields under `outDir`; returns what was written. */
export async function writeArtefacts(
  outDir: string,
  artefacts: AsyncIterable<Artefact> | Iterable<Artefact>,
  onWritten?: (written: WrittenArtefact) => void,
): Promise<WrittenArtefact[]> {
  const written: WrittenArtefact[] = [];
  for await (const artefact of artefacts) {
    const file = resolveInside(outDir, artefact.path);
    await writeFileAtomic(file, artefact.content);
    const { content } = artefact;
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content instanceof Uint8Array ? content.byteLength : (await stat(file)).size;
    const entry = { path: artefact.path, file, bytes };
    written.push(entry);
    onWritten?.(entry);
  }
  return written;
}
