import type { z } from 'zod';
import { problemsFromZod, type Problem } from './model/problem';

/**
 * The content of a generated file: text, bytes, or chunks of either as they are produced (a
 * streamed audit of a city writes its reports without holding them in memory). Streamed content
 * is read once, by whoever writes the artefact.
 */
export type ArtefactContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** A generated file: a relative POSIX path inside the output folder, its media type and content. */
export interface Artefact {
  readonly path: string;
  readonly mediaType: string;
  readonly content: ArtefactContent;
}

/** An artefact whose content is whole (text or bytes): what `collectArtefacts` gives. */
export interface CollectedArtefact extends Artefact {
  readonly content: string | Uint8Array;
}

/** The content as chunks of bytes (UTF-8 for text), whichever form it has. */
export async function* contentChunks(content: ArtefactContent): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  if (typeof content === 'string') yield encoder.encode(content);
  else if (content instanceof Uint8Array) yield content;
  else for await (const chunk of content) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** Whole content: text and bytes as they are, streamed chunks joined into bytes. */
export async function collectContent(content: ArtefactContent): Promise<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of contentChunks(content)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The contract every output plugin implements (ARCHITECTURE.md). A plugin exports a factory
 * `createXExporter(options)` that validates its options and returns an exporter; the CLI writes
 * whatever artefacts it yields, so a third party adds a format without touching the CLI.
 * Inputs carry an explicit `now`: the same input gives the same bytes.
 */
export interface Exporter<Input, Options> {
  /** Registry name of the exporter (lower-case, e.g. `calendar`). */
  readonly name: string;
  /** One line saying what it writes. */
  readonly description: string;
  /** The zod schema its options are checked against. */
  readonly optionsSchema: z.ZodType<Options>;
  /** The options in force, defaults filled in. */
  readonly options: Options;
  /** Yields the artefacts for `input`, in a stable order; the same input gives the same bytes. */
  export(input: Input): AsyncIterable<Artefact>;
}

/** A plugin's factory: validates options and returns an {@link Exporter}. */
export type ExporterFactory<Input, Options, OptionsInput = Partial<Options>> = (options?: OptionsInput) => Exporter<Input, Options>;

/** Thrown by an exporter factory given options its schema rejects (misconfiguration, not bad data). */
export class ExporterOptionsError extends Error {
  override readonly name = 'ExporterOptionsError';
  constructor(
    readonly exporter: string,
    readonly problems: readonly Problem[],
  ) {
    super(`${exporter}: invalid options: ${problems.map((p) => `${p.path.join('.') || '(root)'}: ${p.message.en}`).join('; ')}`);
  }
}

/** Validates options against a schema, throwing `ExporterOptionsError` with every problem. */
export function resolveExporterOptions<Options>(exporter: string, schema: z.ZodType<Options>, options: unknown): Options {
  const result = schema.safeParse(options ?? {});
  if (!result.success) throw new ExporterOptionsError(exporter, problemsFromZod(result.error));
  return result.data;
}

/**
 * Options with a module's defaults under them: an object's fields win over `defaults`; no options
 * give the defaults; anything else (a number, a list) is passed on for the schema to refuse.
 */
export function withDefaults(defaults: Readonly<Record<string, unknown>>, options: unknown): unknown {
  if (options === undefined || options === null) return { ...defaults };
  return typeof options === 'object' && !Array.isArray(options) ? { ...defaults, ...options } : options;
}

/**
 * Gathers an exporter's artefacts into an array, streamed content joined into bytes (convenient
 * for small outputs and tests).
 */
export async function collectArtefacts(artefacts: AsyncIterable<Artefact>): Promise<CollectedArtefact[]> {
  const out: CollectedArtefact[] = [];
  for await (const artefact of artefacts) out.push({ ...artefact, content: await collectContent(artefact.content) });
  return out;
}

/**
 * True when a path is safe to join onto an output folder: relative, POSIX separators, no `..`,
 * no empty or dot segments, no control characters, no drive letters.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.length > 1000) return false;
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file-name segment derived from user data (a unit's name or id): unsafe characters replaced,
 * length capped, never empty, never `.` or `..`. Callers make names unique (e.g. by adding the id).
 */
export function safeFileSegment(value: string, maxLength = 80): string {
  let out = value.normalize('NFC').replace(UNSAFE_FILE_CHARS, '_').trim().replace(/^\.+/, '_').replace(/\.{2,}/g, '_');
  if (out.length > maxLength) out = [...out].slice(0, maxLength).join('');
  return out === '' || out === '.' || out === '..' ? '_' : out;
}
