import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli';
import { inputReadme } from '../src/commands/init';
import { buildProgram } from '../src/program';
import { tempDir } from './helpers';

const quiet = async (args: string[]) => {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(args);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
};

describe('usage errors in the user\'s language', () => {
  const stderrOf = async (args: string[]) => {
    let text = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
    try {
      return { code: await main(args), text };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };
  it('names an unknown option, a bad choice and an unknown command in Chinese by default, in English with --lang en, exit 2', async () => {
    const unknown = await stderrOf(['--lang', 'zh', 'calendar', '--year', '2026', '--activities', 'a.csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.text).toContain('错误：未知选项「--activities」');
    expect(unknown.text).not.toContain('error: unknown option');
    const choice = await stderrOf(['--lang', 'zh', 'templates', '--kind', 'bad']);
    expect(choice.text).toMatch(/错误：选项「--kind <kind>」的取值「bad」无效，可选：school, enterprise, community/);
    const suggestion = await stderrOf(['--lang', 'zh', 'audti']);
    expect(suggestion.text).toContain('错误：未知命令「audti」');
    expect(suggestion.text).toContain('（是否应为 audit？）');
    const english = await stderrOf(['--lang', 'en', 'calendar', '--year', '2026', '--activities', 'a.csv']);
    expect(english.text).toContain("error: unknown option '--activities'");
    expect(english.code).toBe(2);
  });
  it('shows the help command bilingual too', () => {
    expect(buildProgram('0.0.0', () => {}).helpInformation()).toMatch(/help \[command\]\s+显示命令帮助\s+display help for command/);
  });
});

describe('help', () => {
  it('gives every option of every command its help in Chinese and English, like the command descriptions', () => {
    const program = buildProgram('0.0.0', () => {});
    const missing: string[] = [];
    for (const command of [program, ...program.commands]) {
      expect(command.helpInformation(), command.name()).toContain('显示命令帮助');
      for (const option of command.options) {
        const [zh, en] = option.description.split('\n');
        if (!zh || !/[\u4e00-\u9fff]/.test(zh) || !en || /[\u4e00-\u9fff]/.test(en)) missing.push(`${command.name()} ${option.flags}: ${option.description}`);
      }
    }
    expect(missing, 'add the Chinese help to apps/demo/src/option-help.ts').toEqual([]);
  });
});

describe('a second program in the same process', () => {
  it('gives the same help as the first, list options included (an embedding program, the CLI host of the tests)', () => {
    const choices = { audit: { format: ['json', 'csv', 'md'] }, worklist: { format: ['json', 'md'] } };
    const help = () => {
      const program = buildProgram('0.0.0', () => {}, { lang: 'zh', helpWidth: 100, choices });
      return [program, ...program.commands].map((c) => c.helpInformation()).join('\n');
    };
    const first = help();
    expect(first).toContain('报告格式，以逗号分隔；默认：全部');
    expect(first.replace(/\s+/g, ' ')).toContain('(one or more of: json, csv, md)');
    expect(help()).toBe(first);
    expect(help()).toBe(first);
  });
});

describe('init', () => {
  it('accepts --out (the name the other commands use) as well as --dir', async () => {
    const dir = join(tempDir(), 'district');
    expect(await quiet(['init', '--out', dir])).toBe(0);
    expect(existsSync(join(dir, 'registry.xlsx'))).toBe(true);
    const other = join(tempDir(), 'district');
    expect(await quiet(['init', '--dir', other])).toBe(0);
    expect(readFileSync(join(other, 'README.md'), 'utf8')).toBe(readFileSync(join(dir, 'README.md'), 'utf8'));
    expect(await quiet(['init', '--dir', other, '--out', dir])).toBe(2);
  });

  it('writes a README that runs the CLI without looking the package name up on the registry', () => {
    const readme = inputReadme();
    const commands = readme.split('\n').filter((line) => /\bliujin(\.js)? (validate|plan)\b/.test(line));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect(line).toMatch(/^node \/path\/to\/liujin\/apps\/demo\/bin\/liujin\.js /);
    expect(readme).toContain('local/');
  });
});
