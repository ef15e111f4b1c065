import { createReadStream } from 'node:fs';
import { streamActivityRecords } from '@liujin/core';
const file = process.argv[2]!;
for (let r = 0; r < 2; r++) {
  const t = performance.now();
  let n = 0;
  for await (const a of streamActivityRecords(createReadStream(file, { highWaterMark: 4 << 20 }), file, [])) n += a ? 1 : 0;
  console.log('records', n, (performance.now() - t).toFixed(0), 'ms');
}
