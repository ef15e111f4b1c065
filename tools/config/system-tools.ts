// The system programs the tests use as independent validators, and the Debian package that installs
// each. One table for `npm run doctor`, the tests (`systemTool`) and the README's apt line: a second
// copy of this list would drift (STYLE.md habit 16).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** One prerequisite: how to find it, which Debian package installs it, and what needs it. */
export interface SystemTool {
  /** Name used by tests and printed by the doctor. */
  name: string;
  /** Debian package that installs it. */
  apt: string;
  /** What the tests use it for. */
  usedFor: string;
  /** Finds it in the given PATH (an absolute path to an executable, a program on PATH, or a custom probe). */
  find: (path: string) => string | undefined;
}

/** Absolute path of `command` on PATH (the caller's PATH), or undefined. */
export function onPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const executable = (file: string) => () => {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
};

/** Debian's python3 (not a pyenv one, which lacks Debian's python3-* modules), when it imports `module`. */
const pythonModule = (module: string) => () => {
  const python = executable('/usr/bin/python3')();
  if (!python) return undefined;
  try {
    execFileSync(python, ['-c', `import ${module}`], { stdio: 'ignore' });
    return python;
  } catch {
    return undefined;
  }
};

const tool = (name: string, apt: string, usedFor: string, find: (path: string) => string | undefined = (path) => onPath(name, path)): SystemTool => ({ name, apt, usedFor, find });

/** Every system prerequisite of `npm test`, in the order the doctor prints them. */
export const SYSTEM_TOOLS: readonly SystemTool[] = [
  tool('chromium', 'chromium', 'renders the HTML audit report headless (playwright-core drives the system browser; no browser download)', executable('/usr/bin/chromium')),
  tool('fonts-noto-cjk', 'fonts-noto-cjk', 'Chinese glyphs in headless Chromium screenshots', () => ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'].find((f) => existsSync(f))),
  tool('python3', 'python3', 'runs the Python validators (Debian /usr/bin/python3)', executable('/usr/bin/python3')),
  tool('python3-icalendar', 'python3-icalendar', 'parses .ics feeds independently', pythonModule('icalendar')),
  tool('python3-openpyxl', 'python3-openpyxl', 'reads XLSX workbooks independently', pythonModule('openpyxl')),
  tool('khal', 'khal', 'imports .ics feeds as a calendar user would'),
  tool('qpdf', 'qpdf', 'checks PDF structure and form fields'),
  tool('mutool', 'mupdf-tools', 'fills PDF forms and renders them as a PDF viewer would'),
  tool('pdftotext', 'poppler-utils', 'extracts PDF text'),
  tool('pdffonts', 'poppler-utils', 'lists embedded PDF fonts'),
  tool('pdftoppm', 'poppler-utils', 'renders PDF pages to PNG'),
  tool('pdfinfo', 'poppler-utils', 'counts PDF pages'),
  tool('time', 'time', 'measures the CLI\'s peak memory (GNU time -f %M)', executable('/usr/bin/time')),
  // poppler-data is only a Debian "recommends" of poppler-utils: without it pdftotext drops text set in
  // Adobe-GB1 fonts (the STSong-Light of filled Chinese form fields) with "Missing language pack".
  tool('poppler-data', 'poppler-data', 'Adobe-GB1 support: poppler extracts the Chinese text of filled form fields', () => ['/usr/share/poppler/cidToUnicode/Adobe-GB1'].find((f) => existsSync(f))),
];

/** The one command that installs every prerequisite (the README prints the same line; a test keeps them equal). */
export function aptInstallCommand(packages: readonly string[] = SYSTEM_TOOLS.map((t) => t.apt)): string {
  return `sudo apt-get install -y ${[...new Set(packages)].join(' ')}`;
}

/** Thrown by {@link systemTool} when a validator is missing; the message is one line naming the tool and its install command. */
export class MissingSystemToolError extends Error {
  constructor(readonly tool: SystemTool) {
    super(`missing system tool "${tool.name}" (${tool.usedFor}): install it with \`${aptInstallCommand([tool.apt])}\`; \`npm run doctor\` checks every prerequisite`);
    this.name = 'MissingSystemToolError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

const found = new Map<string, string>();

/**
 * The path of a validator the test needs. A missing one fails the test with one line naming it and its
 * install command: tests never skip (CI must run every validator).
 */
export function systemTool(name: string): string {
  const cached = found.get(name);
  if (cached) return cached;
  const entry = SYSTEM_TOOLS.find((t) => t.name === name);
  if (!entry) throw new Error(`unknown system tool "${name}": add it to SYSTEM_TOOLS in tools/config/system-tools.ts`);
  const path = entry.find(process.env.PATH ?? '');
  if (!path) throw new MissingSystemToolError(entry);
  found.set(name, path);
  return path;
}

/**
 * Runs a validator found by {@link systemTool} and returns its standard output as text. pdftotext also
 * needs poppler-data to extract the Chinese text of filled fields (Adobe-GB1), so it checks that first.
 */
export function runTool(name: string, args: readonly string[]): string {
  if (name === 'pdftotext') systemTool('poppler-data');
  return execFileSync(systemTool(name), args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Debian's python3 for a script, once the Debian modules the script imports (icalendar, openpyxl) are
 * there: a missing one fails with the install command of its package.
 */
export function pythonFor(script: string): string {
  for (const module of pythonModulesOf(script)) systemTool(`python3-${module}`);
  return systemTool('python3');
}

/** The Debian python3 modules (icalendar, openpyxl) a script imports. */
export function pythonModulesOf(script: string): string[] {
  return ['icalendar', 'openpyxl'].filter((module) => new RegExp(`^\\s*(?:import|from)\\s[^\\n]*\\b${module}\\b`, 'm').test(script));
}

/** Forgets the validators found so far (tests that change PATH). */
export function forgetSystemTools(): void {
  found.clear();
}

/** Checks every prerequisite against a PATH; what `npm run doctor` prints. */
export function checkSystemTools(path = process.env.PATH ?? ''): { tool: SystemTool; path: string | undefined }[] {
  return SYSTEM_TOOLS.map((tool) => ({ tool, path: tool.find(path) }));
}
