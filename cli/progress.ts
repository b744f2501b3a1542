// A one-line progress bar on standard error, drawn only on a terminal (never
// into a log or a pipe). Cleared before other output so lines do not mix.
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(done: number, label: string): void;
  /** Erases the bar, e.g. before a report is printed to the same terminal. */
  clear(): void;
}

const SILENT: Progress = { update() {}, clear() {} };

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return SILENT;
  const tty = stream as WriteStream;
  let shown = false;
  return {
    update(done, label) {
      const width = Math.max(10, Math.min(30, (tty.columns ?? 80) - 50));
      const filled = Math.round((done / total) * width);
      const name = label.length > 30 ? '…' + label.slice(-29) : label;
      tty.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
      shown = true;
    },
    clear() {
      if (shown) tty.write('\r\x1b[K');
      shown = false;
    },
  };
}
