// `npm run bench`: figures, never asserts. Engine throughput in Node beside
// its floor, then the extension in Chromium on the fixture pages, the demo
// and two large generated pages, beside the floor measured on the same pages
// without the extension; built sizes. Everything also goes to
// artifacts/bench.json. Flags: --node-only, --browser-only, --pages a,b,
// --runs N (loads of each page on each side, default 3), --no-build,
// --extension DIR (measure another build, e.g. an older commit's, against the same floor).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTIFACTS_DIR, EXTENSION_DIR, FIXTURES_DIR, ROOT, serveStatic } from './browser';
import { htmlToDocument, htmlToPassages } from '../lib/html/passages';
import { findClaimsInDocument } from '../lib/engine/document';
import { documentClaims } from './document-scan';
import { mayHoldClaim } from '../lib/engine/prefilter';
import { runBrowserBench, type BenchPage, type BrowserBench } from './bench/browser';
import { claimDensePassages, readFixturePages, utf8Bytes } from './bench/corpus';
import { generateArticle } from './bench/generated-pages';
import { measureEngine, measureFloor, warmUp } from './bench/node-throughput';
import {
  formatBrowserSummary, formatHotFunctions, formatNode, formatSizes, PAGE_HEADER, PAGE_LEGEND, pageRow, summarize, TARGETS,
  type BrowserSummary, type NodeFigures,
} from './bench/report';
import { builtSizes } from './bench/sizes';
import { table } from './bench/stats';

const DEV_SET = resolve(ROOT, '../shared/eval/dev.jsonl');
const DEMO_PAGE = join(ROOT, 'demo/article.html');

interface BenchOptions {
  node: boolean;
  browser: boolean;
  build: boolean;
  pages: Set<string> | null;
  runs: number;
  extensionDir: string | null;
}

function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { node: true, browser: true, build: true, pages: null, runs: 3, extensionDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--node-only') options.browser = false;
    else if (arg === '--browser-only') options.node = false;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--pages' || arg.startsWith('--pages=')) {
      const list = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i] ?? '';
      options.pages = new Set(list.split(',').map((p) => p.trim().replace(/\.html?$/, '')).filter(Boolean));
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 50) throw new Error('--runs takes a whole number from 1 to 50');
      options.runs = value;
    } else if (arg === '--extension' || arg.startsWith('--extension=')) {
      const dir = resolve(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i] ?? '');
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`--extension: no manifest.json in ${dir}`);
      options.extensionDir = dir;
      options.build = false;
    } else throw new Error(`unknown option ${arg} (use --node-only, --browser-only, --pages a,b, --runs N, --no-build, --extension DIR)`);
  }
  return options;
}

const log = (text = '') => process.stdout.write(text + '\n');

function nodeBench(): NodeFigures {
  const fixtures = readFixturePages(FIXTURES_DIR).flatMap((p) => p.passages);
  const dense = claimDensePassages(DEV_SET, 1e6);
  const warmUpMs = warmUp(dense);
  return {
    warmUpMs,
    floorSplitter: 'lib/engine/sentences splitSentences',
    fixtureFloor: measureFloor('floor, fixture text', fixtures),
    fixtureEngine: measureEngine('engine, fixture text', fixtures),
    denseFloor: measureFloor('floor, claim-dense text', dense),
    denseEngine: measureEngine('engine, claim-dense text', dense),
  };
}

function benchPages(only: Set<string> | null): { pages: BenchPage[]; generated: Record<string, string> } {
  const wanted = (name: string) => !only || only.has(name.replace(/\.html?$/, ''));
  const pages: BenchPage[] = readFixturePages(FIXTURES_DIR)
    .filter((p) => wanted(p.name))
    .map((p) => ({ name: p.name, path: `/${encodeURIComponent(p.name)}`, kind: 'fixture', textBytes: p.bytes, candidates: p.candidates }));
  if (wanted('demo') && existsSync(DEMO_PAGE)) {
    const { passages } = htmlToPassages(readFileSync(DEMO_PAGE, 'utf8'));
    pages.push({ name: 'demo/article.html', path: '/demo/article.html', kind: 'demo', textBytes: utf8Bytes(passages), candidates: passages.filter(mayHoldClaim).length });
  } else if (wanted('demo')) {
    log(`(demo page ${DEMO_PAGE} not found: skipped)`);
  }
  const generated: Record<string, string> = {};
  const specs = [
    { name: 'generated-1mb-50-claims', textBytes: 1e6, claims: 50, seed: 11 },
    { name: 'generated-5mb-no-claims', textBytes: 5e6, claims: 0, seed: 12 },
  ];
  for (const spec of specs.filter((s) => wanted(s.name))) {
    const page = generateArticle({ ...spec, title: spec.name });
    const path = `/generated/${spec.name}.html`;
    generated[path] = page.html;
    // What the highlights must equal: the scanner's claims for the same HTML.
    const engineClaims = documentClaims({ file: path, ...htmlToDocument(page.html) }, { findClaimsInDocument, sensitivity: 'balanced' }).length;
    pages.push({ name: spec.name, path, kind: 'generated', textBytes: page.textBytes, candidates: page.claimSentences, claimSentences: page.claimSentences, engineClaims });
  }
  return { pages, generated };
}

async function browserBench(options: BenchOptions): Promise<{ run: BrowserBench; summary: BrowserSummary } | { error: string }> {
  if (options.build) {
    log('Building the extension (npx wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { pages, generated } = benchPages(options.pages);
  if (pages.length === 0) return { error: 'no page matches --pages' };
  const server = await serveStatic([FIXTURES_DIR, ROOT], generated);
  try {
    log(`Browser: ${pages.length} pages, each loaded ${options.runs}× with the extension (traced) and ${options.runs}× without it (floor)…`);
    const rows: string[][] = [];
    const run = await runBrowserBench(pages, server.origin, {
      runs: options.runs,
      extensionDir: options.extensionDir ?? undefined,
      onPage: (figures, i) => {
        rows.push(pageRow(figures));
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${i + 1}/${pages.length} ${figures.page}`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    log(`Chromium ${run.chromium}, extension ${run.extensionId}`);
    log(table(PAGE_HEADER, rows));
    log(PAGE_LEGEND);
    log();
    const summary = summarize(run.pages);
    log(formatBrowserSummary(summary, run.pages));
    const hot = formatHotFunctions(run.pages);
    if (hot) log('\n' + hot);
    return { run, summary };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  // Other work on the machine skews every figure: say how busy it was.
  const load = { cores: cpus().length, loadAverage1m: loadavg()[0] };
  log(`Machine: ${load.cores} cores, load average ${load.loadAverage1m!.toFixed(1)} (1 min) at the start`);
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine: load, targets: TARGETS };
  if (options.node) {
    const node = nodeBench();
    log(formatNode(node));
    log();
    result.node = node;
  }
  if (options.browser) {
    const browser = await browserBench(options);
    if ('error' in browser) log(`Browser part: ${browser.error}`);
    result.browser = browser;
    log();
  }
  const sizes = builtSizes(options.extensionDir ?? EXTENSION_DIR);
  log(formatSizes(sizes, options.extensionDir ?? undefined));
  result.sizes = sizes;
  result.seconds = (performance.now() - started) / 1000;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const out = join(ARTIFACTS_DIR, 'bench.json');
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  log();
  log(`Figures written to ${out} (${(result.seconds as number).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
