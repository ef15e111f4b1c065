/** Output-folder problems as data, in both languages: what a clerk reads when liujin will not write. */
import { join } from 'node:path';
import { problem, type Problem } from '@liujin/core';

/** Problems listed at most (the rest are counted), as in every other path (issue #14 §2). */
export const OUTPUT_LIMIT = 1000;

export type TargetTrouble = 'foreign' | 'input' | 'symlink' | 'blocked';

const TARGET: Record<TargetTrouble, { code: string; zh: string; en: string }> = {
  foreign: {
    code: 'out_file_not_ours',
    zh: '文件已存在，且不是 liujin 写出的（清单中没有）；liujin 不覆盖它。请另选 --out 文件夹，或自行移走该文件',
    en: 'the file exists and liujin did not write it (it is not in the manifest); liujin will not overwrite it. Choose another --out folder or move the file away',
  },
  input: {
    code: 'out_overwrites_input',
    zh: '这是本次读取的输入文件，输出会覆盖它。请另选 --out 文件夹',
    en: 'this is an input file of this run and the output would overwrite it. Choose another --out folder',
  },
  symlink: {
    code: 'out_symlink',
    zh: '这是一个符号链接；liujin 不经由链接写入。请另选 --out 文件夹，或移走该链接',
    en: 'this is a symbolic link; liujin does not write through links. Choose another --out folder or remove the link',
  },
  blocked: {
    code: 'out_blocked',
    zh: '此处应为文件夹或文件，但已有别的东西占着。请另选 --out 文件夹',
    en: 'something else is in the way here (a file where a folder goes, or a folder where a file goes). Choose another --out folder',
  },
};

export function outProblem(outDir: string, path: string, trouble: TargetTrouble): Problem {
  const t = TARGET[trouble];
  return problem(t.code, { zh: t.zh, en: t.en }, { file: join(outDir, ...path.split('/')), path: ['--out'] });
}

/** A file-system error while preparing, locking or writing the output, as a problem the user can act on. */
export function fsProblem(file: string, error: unknown, step: 'folder' | 'lock' | 'write'): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if ((error as Error).name === 'FolderBusyError') {
    const pid = (error as { pid?: number }).pid ?? 0;
    return problem(
      'out_busy',
      {
        zh: `另一个 liujin 进程（pid ${pid}）正在写入此文件夹；请等它结束（若确无 liujin 在运行，可删除其中的 .liujin-lock）`,
        en: `another liujin run (pid ${pid}) is writing into this folder; wait for it to finish (if no liujin is running, delete .liujin-lock there)`,
      },
      { file, path: ['--out'] },
    );
  }
  const messages: Record<string, [string, string]> = {
    ENOTDIR: ['--out 应为文件夹，这里（或其上级）是一个文件', '--out must be a folder; this path (or a folder above it) is a file'],
    EEXIST: ['--out 应为文件夹，这里（或其上级）是一个文件', '--out must be a folder; this path (or a folder above it) is a file'],
    ENAMETOOLONG: ['文件名或路径太长，文件系统不接受；请用较短的 --out 路径', 'a file name or path is too long for the file system; use a shorter --out path'],
    EACCES: ['没有写入权限', 'no permission to write here'],
    EPERM: ['没有写入权限', 'no permission to write here'],
    EROFS: ['文件系统只读', 'the file system is read-only'],
    ENOSPC: ['磁盘空间不足', 'no space left on the device'],
    EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
    ELOOP: ['路径中的符号链接层数过多', 'too many levels of symbolic links'],
  };
  if (step === 'write') messages.EEXIST = ['写入时此处已出现另一个文件或链接；liujin 不经由它写入', 'another file or link appeared here while liujin was writing; liujin does not write through it'];
  const known = messages[code];
  const [zh, en] = known ?? [`无法${step === 'write' ? '写入' : '使用'}（${code || (error as Error).message}）`, `cannot ${step === 'write' ? 'write' : 'use'} it (${code || (error as Error).message})`];
  if (!known && !code) throw error; // not a file-system error: a bug, reported as such
  return problem(step === 'write' ? 'out_write_failed' : 'out_unusable', { zh, en }, { file, path: ['--out'] });
}
