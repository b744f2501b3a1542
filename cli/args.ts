// Command-line options of the scanner, parsed into plain data. Pure: the
// caller decides what to print and which exit code a usage error gets.
import { SENSITIVITIES, type Sensitivity } from '../lib/contract';
import { dayOf } from '../lib/page-date';

export interface ScanOptions {
  /** Contract mode: one JSON object a line in, one a line out. */
  jsonl: boolean;
  /** Document mode: JSON Lines, one object per document, instead of the readable report. */
  json: boolean;
  sensitivity: Sensitivity;
  /** Files or folders; in JSONL mode at most one, none (or "-") meaning standard input. */
  paths: string[];
  help: boolean;
  /** Colour and marks for a terminal; off with --no-color or NO_COLOR. */
  color: boolean | undefined;
  /** Document mode: the page date (YYYY-MM-DD) to read every document with, instead of the one it names. */
  date?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  npm run --silent scan -- --jsonl [--sensitivity strict|balanced|broad] [FILE|-]
      One {"id","text"} object a line in (FILE or standard input), one
      {"id","claims"} line out per input line, in order.
  npm run --silent scan -- [--json] [--sensitivity LEVEL] PATH...
      HTML files (.html, .htm), folders of them (searched recursively) and plain
      text files: a readable report, or with --json one {"file","title","claims"}
      line per document.
Options:
  --sensitivity LEVEL   strict, balanced (default) or broad
  --date YYYY-MM-DD     the publication date to read documents with (default:
                        the date an HTML page names in its metadata)
  --no-color            no ANSI colour in the report (also NO_COLOR=1)
  -h, --help            this text`;

export function parseScanArgs(argv: readonly string[]): ScanOptions {
  const options: ScanOptions = {
    jsonl: false,
    json: false,
    sensitivity: 'balanced',
    paths: [],
    help: false,
    color: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg, '=') : [arg, undefined];
    switch (flag) {
      case '--jsonl':
        options.jsonl = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--color':
        options.color = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--sensitivity': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined) throw new UsageError('--sensitivity needs a value: strict, balanced or broad');
        if (!(SENSITIVITIES as readonly string[]).includes(value)) {
          throw new UsageError(`unknown sensitivity "${value}": use strict, balanced or broad`);
        }
        options.sensitivity = value as Sensitivity;
        break;
      }
      case '--date': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || !isDay(value)) throw new UsageError('--date needs a calendar date: YYYY-MM-DD');
        options.date = value;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        options.paths.push(arg);
    }
  }
  if (options.help) return options;
  if (options.jsonl && options.json) throw new UsageError('use either --jsonl or --json, not both');
  if (options.jsonl && options.date) throw new UsageError('--date applies to documents; the --jsonl contract reads text alone');
  if (options.jsonl && options.paths.length > 1) {
    throw new UsageError('--jsonl reads one file (or standard input), not several');
  }
  if (!options.jsonl && options.paths.length === 0) {
    throw new UsageError('nothing to scan: give files or folders, or --jsonl to read standard input');
  }
  return options;
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(value) === value;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}
