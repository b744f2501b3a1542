// Formats the benchmark figures beside the targets they are judged against.
// Figures only: nothing here passes or fails a run.
import type { PageFigures } from './browser';
import type { Throughput } from './node-throughput';
import type { BuiltFile } from './sizes';
import { fmt, max, median, table, verdict } from './stats';

export const TARGETS = {
  engineVsFloorOnFixtures: 0.5, // engine speed ≥ half the floor's, on fixture text
  denseMBps: 2,
  noCandidateTotalRatio: 1.5,
  noCandidateMedianRatio: 1.5,
  noCandidateWorstRatio: 3,
  claimsPageFirstToAllMs: 150,
  claimsPageColdMs: 300,
  longTaskMs: 50,
  claimsPageHeapMB: 20,
  contentScriptGzipKB: 40,
} as const;

export interface NodeFigures {
  warmUpMs: number;
  fixtureFloor: Throughput;
  fixtureEngine: Throughput;
  denseFloor: Throughput;
  denseEngine: Throughput;
  floorSplitter: string;
}

export function formatNode(n: NodeFigures): string {
  const row = (t: Throughput) => [t.label, fmt(t.mb, 2), String(t.passages), String(t.runs), fmt(t.medianMs, 0), fmt(t.mbPerSecond, 2), t.claims === undefined ? '' : String(t.claims)];
  const speedShare = n.fixtureEngine.mbPerSecond / n.fixtureFloor.mbPerSecond;
  return [
    'Engine throughput in Node (MB = 10^6 bytes of UTF-8 text; time = median of the runs)',
    table(['', 'MB', 'passages', 'runs', 'ms', 'MB/s', 'claims'], [
      row(n.fixtureFloor),
      row(n.fixtureEngine),
      row(n.denseFloor),
      row(n.denseEngine),
    ]),
    `floor = ${n.floorSplitter} + QUANTITY_HINT/TOPIC_HINT per sentence; engine warm-up (first 200 dense passages, lazy loading included): ${fmt(n.warmUpMs, 0)} ms`,
    `fixture text: engine at ${fmt(speedShare * 100, 1)}% of the floor's speed — goal ≥ ${TARGETS.engineVsFloorOnFixtures * 100}%: ${verdict(speedShare >= TARGETS.engineVsFloorOnFixtures)}`,
    `claim-dense text: ${fmt(n.denseEngine.mbPerSecond, 2)} MB/s — goal ≥ ${TARGETS.denseMBps} MB/s: ${verdict(n.denseEngine.mbPerSecond >= TARGETS.denseMBps)}`,
  ].join('\n');
}

export function pageRow(p: PageFigures): string[] {
  if (p.error) return [p.page, fmt(p.textBytes / 1000, 0), String(p.candidates), `error: ${p.error}`];
  return [
    p.page,
    fmt(p.textBytes / 1000, 0),
    String(p.candidates),
    fmt(p.ours?.taskCpuMs ?? null, 1),
    fmt(p.ours?.taskMs ?? null, 1),
    fmt(p.ours?.sampledMs ?? null, 1),
    fmt(p.floorMs, 1),
    fmt(p.floorWallMs, 1),
    fmt(p.ratio, 2),
    fmt(p.floorSelfColdMs, 1),
    fmt(p.floorSelfWarmMs, 1),
    fmt(p.longestTaskMs, 1),
    fmt(p.marks['metric-lens:first-highlight'], 0),
    fmt(p.marks['metric-lens:done'], 0),
    p.highlights === null ? '–' : String(p.highlights) + (p.claimSentences ? `/${p.claimSentences}` : ''),
    fmt(p.heapGrowthMB, 1),
    p.pageLongTasks.count ? `${p.pageLongTasks.count} (${fmt(p.pageLongTasks.maxMs, 0)})` : '0',
    `${p.askedRuns}/${p.wokeRuns}`,
  ];
}

export const PAGE_HEADER = ['page', 'text kB', 'cand.', 'ours ms', 'wall', 'JS ms', 'floor ms', 'wall', 'ratio', 'fl. own', 'fl. warm', 'longest', 'start→1st hl', 'start→done', 'highlights', 'heap Δ MB', 'long tasks (max)', 'asked/woke'];

export const PAGE_LEGEND = `Each page is loaded afresh on each side, several times (--runs); figures are medians over the loads.
ours ms: main-thread tasks that ran the extension's code (CDP trace, attributed by script URL chrome-extension://<id>/…),
  their thread CPU time; wall: the same tasks' wall-clock time (with the waits for a core on a busy machine)
JS ms: profiler samples with our code on the stack (sampling estimate)
floor ms: TreeWalker over the text nodes + QUANTITY_HINT/TOPIC_HINT by page.evaluate, same page, no extension: its whole
  main-thread task from the same kind of trace, on its first run in the freshly loaded page (cold, as a content script runs),
  thread CPU time; wall: the same task's wall-clock time
ratio: ours ms / floor ms (CPU / CPU); fl. own: the floor's own clock on that first run; fl. warm: its own clock on runs repeated in the page
longest: our longest task over all loads (wall); start→…: ms after the content script's metric-lens:start mark
highlights: ranges in CSS.highlights when done (/claim sentences put into a generated page)
heap Δ: JS heap after GC with the extension minus without it; long tasks: the page's own observer, all sources
asked/woke: on how many loads the gate sent the page's candidate lines or blocks to the engine / the annotator script was imported (claims came back)`;

/** Our cost against the floor's over a set of pages: Σ ours / Σ floor, and the median and worst page ratios. */
export interface RatioSet {
  pages: number;
  total: number;
  median: number;
  worst: number;
  worstPage: string | null;
  /** Pages where the gate asked the engine, and where the annotator script was imported (on any load). */
  asked: number;
  woke: number;
}

export function ratioSet(list: readonly PageFigures[]): RatioSet {
  const measured = list.filter((p) => p.ours && p.floorMs);
  const sum = (f: (p: PageFigures) => number) => measured.reduce((a, p) => a + f(p), 0);
  const ratios = measured.map((p) => p.ratio).filter((r): r is number => r !== null);
  const worst = measured.reduce<PageFigures | null>((w, p) => ((p.ratio ?? 0) > (w?.ratio ?? -1) ? p : w), null);
  return {
    pages: list.length,
    total: measured.length ? sum((p) => p.ours!.taskCpuMs) / sum((p) => p.floorMs!) : NaN,
    median: median(ratios),
    worst: max(ratios),
    worstPage: worst?.page ?? null,
    asked: list.filter((p) => p.askedRuns > 0).length,
    woke: list.filter((p) => p.wokeRuns > 0).length,
  };
}

export interface BrowserSummary {
  pages: number;
  errors: number;
  /** Fixture pages with no candidate passage (the scanner's prefilter), and all fixture pages the engine finds no claim on. */
  noCandidate: RatioSet;
  noClaims: RatioSet;
  noCandidatePages: number;
  noCandidateMedianRatio: number;
  noCandidateWorstRatio: number;
  /** For reference: against the floor's own clock on its first run, and on runs repeated in the same page. */
  noCandidateMedianOwnClockRatio: number;
  noCandidateWorstOwnClockRatio: number;
  noCandidateMedianWarmRatio: number;
  noCandidateWorstWarmRatio: number;
  allMedianRatio: number;
  allWorstRatio: number;
  worstTaskMs: number;
  worstTaskPage: string | null;
  marksMissing: string[];
  notInjected: string[];
}

export function summarize(pages: readonly PageFigures[]): BrowserSummary {
  const ok = pages.filter((p) => !p.error);
  const ratios = (list: readonly PageFigures[]) => list.map((p) => p.ratio).filter((r): r is number => r !== null);
  const noCandidates = ok.filter((p) => p.candidates === 0);
  const against = (floor: (p: PageFigures) => number | null) =>
    noCandidates
      .map((p) => {
        const ms = floor(p);
        return p.ours && ms ? p.ours.taskCpuMs / ms : null;
      })
      .filter((r): r is number => r !== null);
  const ownClock = against((p) => p.floorSelfColdMs);
  const warm = against((p) => p.floorSelfWarmMs);
  const worst = ok.reduce<PageFigures | null>((w, p) => ((p.longestTaskMs ?? 0) > (w?.longestTaskMs ?? 0) ? p : w), null);
  return {
    pages: pages.length,
    errors: pages.length - ok.length,
    noCandidate: ratioSet(noCandidates.filter((p) => p.kind === 'fixture')),
    noClaims: ratioSet(ok.filter((p) => p.kind === 'fixture' && p.highlights === 0)),
    noCandidatePages: noCandidates.length,
    noCandidateMedianRatio: median(ratios(noCandidates)),
    noCandidateWorstRatio: max(ratios(noCandidates)),
    noCandidateMedianOwnClockRatio: median(ownClock),
    noCandidateWorstOwnClockRatio: max(ownClock),
    noCandidateMedianWarmRatio: median(warm),
    noCandidateWorstWarmRatio: max(warm),
    allMedianRatio: median(ratios(ok)),
    allWorstRatio: max(ratios(ok)),
    worstTaskMs: worst?.longestTaskMs ?? NaN,
    worstTaskPage: worst?.page ?? null,
    marksMissing: ok.filter((p) => p.marksSource === 'none').map((p) => p.page),
    notInjected: ok.filter((p) => !p.ours).map((p) => p.page),
  };
}

export function formatBrowserSummary(s: BrowserSummary, pages: readonly PageFigures[]): string {
  const has = (n: number) => !Number.isNaN(n);
  const judged = (value: number, target: number) => `${fmt(value, 2)} (target ≤ ${target}: ${verdict(has(value) ? value <= target : null)})`;
  const set = (name: string, r: RatioSet, withTargets: boolean) =>
    `${name} (${r.pages}): ours ÷ floor total ${withTargets ? judged(r.total, TARGETS.noCandidateTotalRatio) : fmt(r.total, 2)}, ` +
    `median ${withTargets ? judged(r.median, TARGETS.noCandidateMedianRatio) : fmt(r.median, 2)}, ` +
    `worst ${withTargets ? judged(r.worst, TARGETS.noCandidateWorstRatio) : fmt(r.worst, 2)} on ${r.worstPage ?? '–'}; ` +
    `the gate asked the engine on ${r.asked} (${fmt((100 * r.asked) / Math.max(1, r.pages), 0)}%), the annotator woke on ${r.woke} (${fmt((100 * r.woke) / Math.max(1, r.pages), 0)}%)`;
  const lines = [
    `Summary over ${s.pages} pages (${s.errors} failed to run)`,
    set('fixture pages with no candidate passage', s.noCandidate, true),
    set('all fixture pages without a claim', s.noClaims, false),
    `  for reference, the same pages against the floor's own clock (no task, no compile counted): first run median ${fmt(s.noCandidateMedianOwnClockRatio, 2)}, worst ${fmt(s.noCandidateWorstOwnClockRatio, 2)}; repeated runs median ${fmt(s.noCandidateMedianWarmRatio, 2)}, worst ${fmt(s.noCandidateWorstWarmRatio, 2)}`,
    `all pages: ratio median ${fmt(s.allMedianRatio, 2)}, worst ${fmt(s.allWorstRatio, 2)}`,
    `worst task of ours: ${fmt(s.worstTaskMs, 1)} ms on ${s.worstTaskPage ?? '–'} (target ≤ ${TARGETS.longTaskMs} ms: ${verdict(has(s.worstTaskMs) ? s.worstTaskMs <= TARGETS.longTaskMs : null)})`,
  ];
  const claims = pages.find((p) => p.kind === 'generated' && (p.claimSentences ?? 0) > 0 && !p.error);
  if (claims) {
    const done = claims.marks['metric-lens:done'];
    const expected = claims.engineClaims ?? claims.claimSentences;
    const all = claims.highlights !== null && expected !== undefined && claims.highlights === expected;
    lines.push(
      `${claims.page}, under the trace, background warm: ${claims.highlights ?? '–'} highlights for ${expected} engine claims (${claims.claimSentences} claim sentences), done ${fmt(done, 0)} ms after start (target: all within ${TARGETS.claimsPageFirstToAllMs} ms: ${verdict(done === null ? null : all && done <= TARGETS.claimsPageFirstToAllMs)}), longest task ${fmt(claims.longestTaskMs, 1)} ms (≤ ${TARGETS.longTaskMs}: ${verdict(claims.longestTaskMs === null ? null : claims.longestTaskMs <= TARGETS.longTaskMs)}), heap Δ ${fmt(claims.heapGrowthMB, 1)} MB (< ${TARGETS.claimsPageHeapMB}: ${verdict(claims.heapGrowthMB === null ? null : claims.heapGrowthMB < TARGETS.claimsPageHeapMB)})`,
    );
    // Median of the loads' done times; none where a load never finished (it would not meet a target).
    const mid = (xs: Array<number | null>) => {
      const done = xs.filter((d): d is number => d !== null);
      return done.length === xs.length && done.length ? median(done) : null;
    };
    const list = (xs: Array<number | null>) => xs.map((d) => fmt(d, 0)).join(', ');
    if (claims.cold) {
      const coldMedian = mid(claims.cold.doneMs);
      const coldAll = claims.cold.highlights.every((h) => h === expected);
      lines.push(
        `${claims.page}, under the trace, background asleep (service worker stopped before each load): done ${list(claims.cold.doneMs)} ms after start, median ${fmt(coldMedian, 0)} (target: all within ${TARGETS.claimsPageColdMs} ms: ${verdict(coldMedian === null ? null : coldAll && coldMedian <= TARGETS.claimsPageColdMs)}), highlights ${claims.cold.highlights.map((h) => h ?? '–').join(', ')}`,
      );
    }
    if (claims.untraced) {
      // The loads a reader's latency is judged by: the trace's sampling profiler slows the page's thread.
      const u = claims.untraced;
      const warm = mid(u.warmDoneMs);
      const asleep = mid(u.coldDoneMs);
      const every = u.highlights.every((h) => h === expected);
      lines.push(
        `${claims.page}, without the trace (as a reader meets it): background warm done ${list(u.warmDoneMs)} ms, median ${fmt(warm, 0)} (target ≤ ${TARGETS.claimsPageFirstToAllMs}: ${verdict(warm === null ? null : every && warm <= TARGETS.claimsPageFirstToAllMs)}); asleep done ${list(u.coldDoneMs)} ms, median ${fmt(asleep, 0)} (target ≤ ${TARGETS.claimsPageColdMs}: ${verdict(asleep === null ? null : every && asleep <= TARGETS.claimsPageColdMs)}); highlights ${u.highlights.map((h) => h ?? '–').join(', ')}`,
      );
    }
  }
  const big = pages.find((p) => p.kind === 'generated' && !p.claimSentences);
  if (big) {
    lines.push(
      big.error
        ? `${big.page}: did not finish (${big.error})`
        : `${big.page}: done mark ${big.marks['metric-lens:done'] === null ? 'absent' : `at ${fmt(big.marks['metric-lens:done'], 0)} ms`}, longest task ${fmt(big.longestTaskMs, 1)} ms (≤ ${TARGETS.longTaskMs}: ${verdict(big.longestTaskMs === null ? null : big.longestTaskMs <= TARGETS.longTaskMs)})`,
    );
  }
  if (s.marksMissing.length) {
    lines.push(`performance marks (${MARK_LIST}) absent on ${s.marksMissing.length} page(s): ${abbreviate(s.marksMissing)}`);
  }
  if (s.notInjected.length) lines.push(`no extension code seen in the trace on ${s.notInjected.length} page(s): ${abbreviate(s.notInjected)}`);
  return lines.join('\n');
}

/** Where our sampled time went, over all pages: the functions of ours with the most samples. */
export function formatHotFunctions(pages: readonly PageFigures[], top = 12): string {
  const total: Record<string, number> = {};
  for (const p of pages) for (const [fn, ms] of Object.entries(p.ours?.hot ?? {})) total[fn] = (total[fn] ?? 0) + ms;
  const rows = Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, top);
  if (rows.length === 0) return '';
  return [
    'Content script, sampled time by function over all pages (innermost frame of ours; names as minified, line:column in the built script)',
    table(['function:line:column', 'ms'], rows.map(([fn, ms]) => [fn, fmt(ms, 1)])),
  ].join('\n');
}

const MARK_LIST = 'metric-lens:start/indexed/first-highlight/done';

function abbreviate(names: readonly string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')} … (+${names.length - 8})` : names.join(', ');
}

export function formatSizes(files: readonly BuiltFile[], dir = '.output/chrome-mv3'): string {
  if (files.length === 0) return `Built sizes: no build found in ${dir}`;
  const rows = files.map((f) => [f.file, fmt(f.bytes / 1000, 1), fmt(f.gzipBytes / 1000, 1), f.contentScript ? 'every page' : '']);
  const always = files.filter((f) => f.contentScript && f.file.endsWith('.js')).reduce((sum, f) => sum + f.gzipBytes, 0) / 1000;
  return [
    `Built sizes (${dir})`,
    table(['file', 'kB', 'gzip kB', 'loaded'], rows),
    `always-loaded content script: ${fmt(always, 1)} kB gzip (target < ${TARGETS.contentScriptGzipKB} kB: ${verdict(always < TARGETS.contentScriptGzipKB)})`,
  ].join('\n');
}
