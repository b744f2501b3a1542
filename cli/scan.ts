// `npm run scan`: the claims engine on JSON Lines (the contract), HTML and
// plain text. See USAGE in ./args for the options.
import { createReadStream } from 'node:fs';
import { findClaims } from '../lib/engine/index';
import { findClaimsInDocument } from '../lib/engine/document';
import { parseScanArgs, USAGE, UsageError } from './args';
import { scanDocuments } from './document-scan';
import { describeFsError, listInputs } from './documents';
import { scanJsonlStream } from './jsonl';
import { createLineWriter } from './output';
import { createProgress } from './progress';
import { ANSI, PLAIN } from './report';

const warn = (message: string) => process.stderr.write(`scan: ${message}\n`);

async function main(): Promise<number> {
  let options;
  try {
    options = parseScanArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    warn(error.message);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const out = createLineWriter(process.stdout);

  if (options.jsonl) {
    const path = options.paths[0];
    const input = path === undefined || path === '-' ? process.stdin : createReadStream(path);
    try {
      const summary = await scanJsonlStream(input, out, { sensitivity: options.sensitivity, findClaims, warn });
      await out.end();
      if (summary.bad) warn(`${summary.bad} of ${summary.lines} lines were bad`);
      return summary.bad ? 1 : 0;
    } catch (error) {
      warn(`cannot read ${path ?? 'standard input'}: ${describeFsError(error)}`);
      return 1;
    }
  }

  const inputs = await listInputs(options.paths);
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const summary = await scanDocuments(inputs, out, {
    sensitivity: options.sensitivity,
    findClaimsInDocument,
    date: options.date,
    format: options.json ? 'json' : 'report',
    style: color ? ANSI : PLAIN,
    progress: createProgress(inputs.length),
    warn,
  });
  await out.end();
  return summary.errors ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    warn(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
