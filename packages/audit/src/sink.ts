/** Buffered writes of many small texts (a streamed audit's spools, a chunk's unit detail). */
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Buffered appends to a file, or kept in memory as whole buffers: text is encoded straight into a
 * 1 MB buffer and written when it is full, one write call per megabyte, not per line (joining the
 * lines into one string first and writing that costs several times more: the string is
 * flattened, then encoded anew). Kept in memory (a chunk's records bound for a worker thread),
 * each full buffer is set aside whole, never copied, and `take` hands them over; every buffer
 * holds whole lines.
 */
export class Sink {
  private buffer: Buffer;
  private used = 0;
  /** Bytes written out or set aside so far (what is buffered not included). */
  private done = 0;
  private readonly fd: number | undefined;
  private readonly kept: Uint8Array[] = [];
  constructor(readonly path: string | undefined, size = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(size);
    this.fd = path === undefined ? undefined : openSync(path, 'wx');
  }
  write(text: string): void {
    if (this.closed) throw new Error(`write to a closed spool: ${this.path ?? 'memory'}`);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(text);
        if (this.fd !== undefined) {
          let at = 0;
          while (at < bytes.byteLength) at += writeSync(this.fd, bytes, at, bytes.byteLength - at);
        } else this.kept.push(bytes);
        this.done += bytes.byteLength;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }
  bytes(data: Uint8Array): void {
    if (this.closed) throw new Error(`write to a closed spool: ${this.path ?? 'memory'}`);
    this.flush();
    if (this.fd !== undefined) {
      let at = 0;
      while (at < data.byteLength) at += writeSync(this.fd, data, at, data.byteLength - at);
    } else this.kept.push(data);
    this.done += data.byteLength;
  }
  /** Bytes written so far, buffered ones included: where the next write starts. */
  get size(): number {
    return this.done + this.used;
  }
  flush(): void {
    if (this.used === 0) return;
    this.done += this.used;
    if (this.fd === undefined) {
      this.kept.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(this.buffer.length);
      this.used = 0;
      return;
    }
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.buffer, at, this.used - at);
    this.used = 0;
  }
  /** The full buffers a memory sink holds, handed over; what is still being filled stays. */
  full(): Uint8Array[] {
    return this.kept.splice(0);
  }
  /** What a memory sink holds, handed over (it is empty afterwards). */
  take(): Uint8Array[] {
    this.flush();
    return this.kept.splice(0);
  }
  private closed = false;
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
  }
  /** Closes without writing what is buffered (the run failed). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
