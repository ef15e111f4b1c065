/**
 * `JSON.stringify(value, null, 2)` of an object, followed by a newline, written in pieces: a
 * field whose value is an async iterable is written as an array, item by item, so a nation's unit
 * list never sits in memory. Same bytes as the whole-value form (a test holds them to it).
 */
const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

const isStream = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export async function* jsonObjectChunks(fields: Readonly<Record<string, unknown>>): AsyncGenerator<string> {
  let first = true;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!isStream(value)) {
      yield indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    let empty = true;
    for await (const item of value) {
      yield `${empty ? '[\n    ' : ',\n    '}${indent(JSON.stringify(item, null, 2), '    ')}`;
      empty = false;
    }
    yield empty ? '[]' : '\n  ]';
  }
  yield first ? '{}\n' : '\n}\n';
}
