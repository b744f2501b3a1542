// The browser benchmark: each page opened in Chromium with the built
// extension (its cost read from a CDP trace and from the content script's own
// performance marks), then in a second browser without the extension, where
// the floor runs (a plain TreeWalker over the text nodes plus the prefilter
// regexes, by page.evaluate). Both sides are loaded afresh several times and
// measured the same way: the whole main-thread tasks that ran their code, read
// from the same kind of trace, on their first run in the page (a content script
// always runs cold). The floor's self-timed first and repeated runs are kept
// beside it, for reference. Only 127.0.0.1 is reachable; every other request
// is aborted.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, launchWithExtension } from '../browser';
import { QUANTITY_HINT, TOPIC_HINT } from '../../lib/engine/prefilter';
import { contentScriptCost, taskAroundMark, traceMarks, type ContentScriptCost, type TraceEvent } from './trace';
import { median } from './stats';

export const MARKS = [
  'metric-lens:start', 'metric-lens:indexed', 'metric-lens:first-highlight', 'metric-lens:done',
  // The gate's engine answer arrived; the annotator script's session started (claims came back).
  'metric-lens:answered', 'metric-lens:annotator',
] as const;

export interface BenchPage {
  name: string;
  path: string;
  kind: 'fixture' | 'demo' | 'generated';
  textBytes: number;
  /** Passages that pass the prefilter (Node side, same HTML → passages path as the scanner). */
  candidates: number;
  /** Claim sentences put into a generated page. */
  claimSentences?: number;
  /** The scanner's claims for the same HTML (what the highlights must equal). */
  engineClaims?: number;
}

/** A claim page loaded with the background asleep: its service worker stopped, the engine to load again. */
export interface ColdFigures {
  /** metric-lens:start → metric-lens:done on each cold load, ms. */
  doneMs: Array<number | null>;
  highlights: Array<number | null>;
}

/**
 * A claim page's latency as a reader meets it: the same loads without the trace, whose sampling
 * profiler slows the page's own thread (the traced loads stay the source of the CPU figures).
 */
export interface UntracedFigures {
  /** metric-lens:start → metric-lens:done, background warm, on each load, ms. */
  warmDoneMs: Array<number | null>;
  /** The same with the service worker stopped before each load. */
  coldDoneMs: Array<number | null>;
  highlights: Array<number | null>;
}

export interface PageFigures {
  page: string;
  kind: BenchPage['kind'];
  textBytes: number;
  candidates: number;
  claimSentences?: number;
  engineClaims?: number;
  /** On how many loads the gate asked the engine, and the annotator script was imported. */
  askedRuns: number;
  wokeRuns: number;
  /** Claim pages only: the same loads with the background asleep. */
  cold?: ColdFigures;
  /** Claim pages only: warm and cold loads without the trace. */
  untraced?: UntracedFigures;
  /** Loads of the page on each side. */
  runs: number;
  /** From the trace: main-thread tasks that ran extension code (the load with the median time). */
  ours: ContentScriptCost | null;
  /** Our tasks' thread CPU time on each load, ms. */
  oursRunsMs: number[];
  /** Our longest task over all loads, wall-clock ms (what the page lives through). */
  longestTaskMs: number | null;
  /** Mark times, ms after metric-lens:start (null: mark absent). */
  marks: Record<(typeof MARKS)[number], number | null>;
  marksSource: 'page' | 'trace' | 'none';
  highlights: number | null;
  pageLongTasks: { count: number; maxMs: number };
  heapWithMB: number | null;
  heapWithoutMB: number | null;
  heapGrowthMB: number | null;
  /** The floor's main-thread task on a fresh load, from the trace, thread CPU time: median over the loads, ms. */
  floorMs: number | null;
  floorRunsMs: number[];
  /** The same task's wall-clock time: median, ms. */
  floorWallMs: number | null;
  /** The floor's own clock (performance.now) on its first run in a fresh page: median, ms. */
  floorSelfColdMs: number | null;
  /** The same on runs repeated in the same page (compiled regexes, warm code): median, ms. */
  floorSelfWarmMs: number | null;
  floorTextNodes: number | null;
  /** ours.taskCpuMs / floorMs: both cold, both whole tasks from the trace, both thread CPU time. */
  ratio: number | null;
  error?: string;
}

const TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  '__metadata',
];

/** Collects long tasks from the start of every document (the page's main world). */
const LONGTASK_OBSERVER = `(() => {
  const seen = (window.__benchLongTasks = []);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface FloorResult {
  ms: number;
  textNodes: number;
  candidates: number;
}

// Page-side code is kept as source text: functions passed to page.evaluate
// would be serialised after tsx's transform, which adds helpers the page lacks.

/** The mark the floor makes as it starts, by which the trace finds its task. */
export const FLOOR_MARK = 'metric-lens-floor:start';

/** The floor, run in the page: walk the visible text nodes, test both prefilter regexes. */
const FLOOR_SOURCE = `(args) => {
  performance.mark(args.mark);
  const t0 = performance.now();
  const quantity = new RegExp(args.q, args.qf);
  const topic = new RegExp(args.t, args.tf);
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && skipped.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let textNodes = 0;
  let candidates = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    const text = node.data;
    if (quantity.test(text) && topic.test(text)) candidates++;
  }
  return { ms: performance.now() - t0, textNodes, candidates };
}`;

/** Marks (absolute performance.now times), highlight ranges registered, long tasks seen. */
const READ_PAGE_SOURCE = `(names) => {
  const marks = names.map((n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : null; });
  const registry = globalThis.CSS && CSS.highlights;
  let highlights = 0;
  if (registry) registry.forEach((h) => { highlights += h.size; });
  return { marks, highlights: registry ? highlights : null, long: (window.__benchLongTasks || []).slice() };
}`;

async function offlineExcept(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || !/^https?:/.test(url) ? route.continue() : route.abort();
  });
}

async function heapAfterGcMB(cdp: CDPSession): Promise<number | null> {
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? null : used / 1e6;
  } catch {
    return null;
  }
}

async function waitForMark(page: Page, name: string, timeout: number): Promise<boolean> {
  try {
    await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, undefined, { polling: 50, timeout });
    return true;
  } catch {
    return false;
  }
}

async function traceWhile(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

interface ExtensionRun {
  ours: ContentScriptCost | null;
  marks: PageFigures['marks'];
  marksSource: PageFigures['marksSource'];
  highlights: number | null;
  pageLongTasks: PageFigures['pageLongTasks'];
  heapMB: number | null;
}

async function runWithExtension(context: BrowserContext, extensionId: string, url: string, doneTimeout: number, cold = false, traced = true): Promise<ExtensionRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cold) {
    // The background asleep, as the browser leaves it after 30 s idle: the page's message wakes it and the engine loads.
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.send('ServiceWorker.disable');
  }
  try {
    let sawStart = false;
    const load = async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      sawStart = await waitForMark(page, MARKS[0], 3_000);
      if (sawStart) await waitForMark(page, MARKS[3], doneTimeout);
      else await page.waitForTimeout(1_000); // no marks: give an uninstrumented script time to run
      await page.waitForTimeout(100); // trailing tasks
    };
    let events: TraceEvent[] = [];
    if (traced) events = await traceWhile(cdp, load);
    else await load();
    const inPage = (await page.evaluate(`(${READ_PAGE_SOURCE})(${JSON.stringify(MARKS)})`)) as {
      marks: Array<number | null>;
      highlights: number | null;
      long: number[];
    };
    let marksSource: ExtensionRun['marksSource'] = 'none';
    let absolute: Array<number | null> = inPage.marks;
    if (absolute.some((m) => m !== null)) marksSource = 'page';
    else {
      // Marks made where the page cannot read them still reach the trace.
      const fromTrace = traceMarks(events, 'metric-lens:');
      absolute = MARKS.map((m) => (fromTrace[m] === undefined ? null : fromTrace[m]! / 1000));
      if (absolute.some((m) => m !== null)) marksSource = 'trace';
    }
    const start = absolute[0];
    const marks = Object.fromEntries(
      MARKS.map((m, i) => [m, start == null || absolute[i] == null ? null : absolute[i]! - start]),
    ) as PageFigures['marks'];
    const ours = contentScriptCost(events, extensionId);
    return {
      ours: ours.tasks ? ours : null,
      marks,
      marksSource,
      highlights: inPage.highlights,
      pageLongTasks: { count: inPage.long.length, maxMs: inPage.long.length ? Math.max(...inPage.long) : 0 },
      heapMB: await heapAfterGcMB(cdp),
    };
  } finally {
    await page.close();
  }
}

/** Resolves in the page's first idle period after load (when the content script's gate runs too). */
const IDLE_SOURCE = `new Promise((ok) => requestIdleCallback(() => ok(true), { timeout: 1000 }))`;

interface FloorLoad {
  traced: { wallMs: number; cpuMs: number } | null;
  selfColdMs: number;
  selfWarmMs: number[];
  textNodes: number;
  heapMB: number | null;
}

/** One fresh load: the floor's first run traced, then `warmRepeats` more runs in the same page. */
async function runFloorOnce(context: BrowserContext, url: string, warmRepeats: number): Promise<FloorLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const args = JSON.stringify({ q: QUANTITY_HINT.source, qf: QUANTITY_HINT.flags, t: TOPIC_HINT.source, tf: TOPIC_HINT.flags, mark: FLOOR_MARK });
    const call = `(${FLOOR_SOURCE})(${args})`;
    let first: FloorResult | null = null;
    const events = await traceWhile(cdp, async () => {
      // Starting the trace (its sampling profiler logs every compiled function) costs the page's
      // main thread a long task of its own: let that pass, so the floor is not charged with it.
      await page.evaluate(IDLE_SOURCE);
      await page.waitForTimeout(200);
      first = (await page.evaluate(call)) as FloorResult;
    });
    const warm: number[] = [];
    for (let i = 0; i < warmRepeats; i++) warm.push(((await page.evaluate(call)) as FloorResult).ms);
    const cold = first as FloorResult | null;
    return {
      traced: taskAroundMark(events, FLOOR_MARK),
      selfColdMs: cold?.ms ?? NaN,
      selfWarmMs: warm,
      textNodes: cold?.textNodes ?? 0,
      heapMB: await heapAfterGcMB(cdp),
    };
  } finally {
    await page.close();
  }
}

/** The load whose CPU time is the median (its marks, heap and highlights go with it). */
function medianRun(runs: readonly ExtensionRun[]): ExtensionRun {
  const ordered = [...runs].sort((a, b) => (a.ours?.taskCpuMs ?? Infinity) - (b.ours?.taskCpuMs ?? Infinity));
  return ordered[Math.floor((ordered.length - 1) / 2)]!;
}

export interface BrowserBench {
  extensionId: string;
  chromium: string;
  pages: PageFigures[];
}

export async function runBrowserBench(
  pages: readonly BenchPage[],
  origin: string,
  opts: { runs?: number; extensionDir?: string; onPage?: (figures: PageFigures, index: number) => void } = {},
): Promise<BrowserBench> {
  const runs = Math.max(1, opts.runs ?? 3);
  const ext = await launchWithExtension({ extensionDir: opts.extensionDir });
  const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await ext.context.addInitScript(LONGTASK_OBSERVER);
    await offlineExcept(ext.context, origin);
    await offlineExcept(plainContext, origin);
    const out: PageFigures[] = [];
    for (const [index, page] of pages.entries()) {
      const url = origin + page.path;
      const base: PageFigures = {
        page: page.name,
        kind: page.kind,
        textBytes: page.textBytes,
        candidates: page.candidates,
        claimSentences: page.claimSentences,
        engineClaims: page.engineClaims,
        askedRuns: 0,
        wokeRuns: 0,
        ours: null,
        marks: Object.fromEntries(MARKS.map((m) => [m, null])) as PageFigures['marks'],
        marksSource: 'none',
        highlights: null,
        pageLongTasks: { count: 0, maxMs: 0 },
        heapWithMB: null,
        heapWithoutMB: null,
        heapGrowthMB: null,
        runs: 0,
        oursRunsMs: [],
        longestTaskMs: null,
        floorMs: null,
        floorRunsMs: [],
        floorWallMs: null,
        floorSelfColdMs: null,
        floorSelfWarmMs: null,
        floorTextNodes: null,
        ratio: null,
      };
      let figures = base;
      try {
        const doneTimeout = page.textBytes > 2e6 ? 60_000 : 15_000;
        const withExtension: ExtensionRun[] = [];
        const floor: FloorLoad[] = [];
        for (let r = 0; r < runs; r++) {
          withExtension.push(await runWithExtension(ext.context, ext.extensionId, url, doneTimeout));
          floor.push(await runFloorOnce(plainContext, url, r === 0 ? 4 : 0));
        }
        let cold: ColdFigures | undefined;
        if (page.kind === 'generated' && (page.claimSentences ?? 0) > 0) {
          cold = { doneMs: [], highlights: [] };
          for (let r = 0; r < runs; r++) {
            const coldRun = await runWithExtension(ext.context, ext.extensionId, url, doneTimeout, true);
            cold.doneMs.push(coldRun.marks['metric-lens:done']);
            cold.highlights.push(coldRun.highlights);
          }
        }
        let untraced: UntracedFigures | undefined;
        if (cold) {
          untraced = { warmDoneMs: [], coldDoneMs: [], highlights: [] };
          for (let r = 0; r < runs; r++) {
            for (const asleep of [false, true]) {
              const run = await runWithExtension(ext.context, ext.extensionId, url, doneTimeout, asleep, false);
              (asleep ? untraced.coldDoneMs : untraced.warmDoneMs).push(run.marks['metric-lens:done']);
              untraced.highlights.push(run.highlights);
            }
          }
        }
        const oursRunsMs = withExtension.map((run) => run.ours?.taskCpuMs ?? NaN);
        const run = medianRun(withExtension);
        const traced = floor.map((f) => f.traced).filter((t): t is NonNullable<FloorLoad['traced']> => t !== null);
        const floorRunsMs = traced.map((t) => t.cpuMs);
        const floorMs = floorRunsMs.length ? median(floorRunsMs) : null;
        const heapWithout = floor[0]?.heapMB ?? null;
        figures = {
          ...base,
          runs,
          askedRuns: withExtension.filter((w) => w.marks['metric-lens:answered'] !== null).length,
          wokeRuns: withExtension.filter((w) => w.marks['metric-lens:annotator'] !== null).length,
          cold,
          untraced,
          ours: run.ours,
          oursRunsMs,
          longestTaskMs: withExtension.some((w) => w.ours) ? Math.max(...withExtension.map((w) => w.ours?.longestTaskMs ?? 0)) : null,
          marks: run.marks,
          marksSource: run.marksSource,
          highlights: run.highlights,
          pageLongTasks: run.pageLongTasks,
          heapWithMB: run.heapMB,
          heapWithoutMB: heapWithout,
          heapGrowthMB: run.heapMB !== null && heapWithout !== null ? run.heapMB - heapWithout : null,
          floorMs,
          floorRunsMs,
          floorWallMs: traced.length ? median(traced.map((t) => t.wallMs)) : null,
          floorSelfColdMs: median(floor.map((f) => f.selfColdMs)),
          floorSelfWarmMs: floor[0]?.selfWarmMs.length ? median(floor[0].selfWarmMs) : null,
          floorTextNodes: floor[0]?.textNodes ?? null,
          ratio: run.ours && floorMs ? run.ours.taskCpuMs / floorMs : null,
        };
      } catch (error) {
        figures = { ...base, error: (error as Error).message.split('\n')[0] };
      }
      out.push(figures);
      opts.onPage?.(figures, index);
    }
    return { extensionId: ext.extensionId, chromium: plain.version(), pages: out };
  } finally {
    await plainContext.close();
    await plain.close();
    await ext.close();
  }
}
