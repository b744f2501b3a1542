// Writing lines to standard output without losing any and without noise when
// the reader goes away (`scan ... | head`): backpressure is respected, and a
// closed pipe (EPIPE) stops the run quietly instead of throwing.
import type { Writable } from 'node:stream';

export interface LineWriter {
  /** Writes one line (a newline is added); resolves once the stream can take more. */
  write(line: string): Promise<void>;
  /** True once the reader has gone: callers stop producing output. */
  readonly closed: boolean;
  /** Resolves when everything written so far has been handed to the OS. */
  end(): Promise<void>;
}

export function createLineWriter(stream: Writable): LineWriter {
  let closed = false;
  let failure: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code !== 'EPIPE') failure = error;
  });
  return {
    get closed() {
      return closed;
    },
    write(line) {
      if (closed) return Promise.resolve();
      if (stream.write(line + '\n')) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.once('drain', done);
        stream.once('error', done);
        stream.once('close', done);
      });
    },
    end() {
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.resolve();
      // A zero-length write's callback fires once all earlier writes are flushed.
      return new Promise<void>((resolve) => stream.write('', () => resolve()));
    },
  };
}
