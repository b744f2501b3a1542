// The background's answers to the content script: `analyze` (run the engine
// on candidate passages), `page-settings` (what the page needs from the
// settings) and `disable-site`. The engine, the rules and the settings schemas
// live here, never in the web page.
import type { Runtime } from 'webextension-polyfill';
import type { MetricId } from './contract';
import { findClaims } from './engine';
import { findClaimsInDocument } from './engine/document';
import type { Claim, DocumentInput } from './contract';
import { Message, type AnalyzeReply, type DocumentReply, type ScreenReply, type MetricSummary, type PageSettings, type Passage, type PresentationHints, type SeriesPoint } from './messages';
import { activeRulePacks, type Settings } from './settings/schema';
import { isSiteEnabled, withSiteEnabled } from './settings/sites';
import { metricById, seriesOf } from '../rules';
import { PRESENTATION } from '../rules/presentation';

/** What the page UI needs to present uncertainty and caveats. */
export const PRESENTATION_HINTS: PresentationHints = {
  uncertainBelow: PRESENTATION.uncertainBelow,
  alternativesShown: PRESENTATION.alternativesShown,
  caveatsShown: PRESENTATION.caveatsShown,
};

/** A measure's figures as chart points, where it has enough of them to draw. */
export function seriesPoints(metric: MetricId, measure: string): SeriesPoint[] | null {
  const points = seriesOf(metric, measure)
    .filter((f) => f.number !== null)
    .map((f) => ({ figureId: f.id, period: f.period, from: f.periodStart, to: f.periodEnd, number: f.number!, value: f.value, unit: f.unit }));
  return points.length >= PRESENTATION.chartMinPoints ? points : null;
}

/** The metrics the claims name, their likely alternatives, and the series they are compared with. */
export function summariesFor(claims: readonly Claim[]): Record<string, MetricSummary> {
  const metrics: Record<string, MetricSummary> = {};
  for (const claim of claims) {
    metrics[claim.metric] ??= describeMetric(claim.metric);
    for (const alt of claim.alternatives?.slice(0, PRESENTATION.alternativesShown) ?? []) metrics[alt.metric] ??= describeMetric(alt.metric);
    const measure = claim.comparison?.measure;
    const summary = metrics[claim.metric]!;
    if (measure && !summary.series?.[measure]) {
      const points = seriesPoints(claim.metric, measure);
      if (points) summary.series = { ...summary.series, [measure]: points };
    }
  }
  return metrics;
}

/** The page UI's view of a metric, from the knowledge base. */
export function describeMetric(id: MetricId): MetricSummary {
  const m = metricById(id);
  return { shortName: m.shortName, name: m.name, counts: m.counts, notCounts: m.notCounts, tooltip: m.tooltip };
}

/** Runs the engine on every passage with the user's sensitivity, metric choices and enabled rule packs. */
export function analyzePassages(passages: readonly Passage[], settings: Settings, pageDate?: string): AnalyzeReply {
  const options = { ...engineOptions(settings), pageDate };
  const results = passages.map((p) => ({ id: p.id, claims: findClaims(p.text, options) }));
  return { results, metrics: summariesFor(results.flatMap((r) => r.claims)), presentation: PRESENTATION_HINTS };
}

function engineOptions(settings: Settings) {
  return { sensitivity: settings.sensitivity, disabledMetrics: settings.disabledMetrics, packs: activeRulePacks(settings) };
}

/** Runs the engine on a page read as a document (its candidate blocks with their context). */
export function analyzeDocument(document: DocumentInput, settings: Settings, host: string | null): DocumentReply {
  const analysisKey = pageSettings(settings, host ?? '').analysisKey;
  // A tab on a switched-off site gets nothing, whatever its content script asks.
  if (host !== null && !isSiteEnabled(settings, host)) {
    return { claims: document.blocks.map(() => []), metrics: {}, active: false, analysisKey };
  }
  const claims = findClaimsInDocument(document, engineOptions(settings));
  return { claims, metrics: summariesFor(claims.flat()), active: true, analysisKey, presentation: PRESENTATION_HINTS };
}

/** Whether the engine finds any claim in a page's rendered lines (the gate's question before any careful reading). */
export function screenDocument(document: DocumentInput, settings: Settings, host: string | null): ScreenReply {
  if (host !== null && !isSiteEnabled(settings, host)) return { found: false, active: false };
  const found = findClaimsInDocument(document, engineOptions(settings)).some((claims) => claims.length > 0);
  return { found, active: true };
}

/**
 * A short text of our own that reaches every stage of the engine: the first
 * run in a worker compiles the patterns (a large share of a cold start).
 */
export const WARM_UP_DOCUMENT: DocumentInput = {
  title: 'Metric Lens warm-up',
  blocks: [{ kind: 'paragraph', text: 'Border Patrol agents apprehended 1,000 unaccompanied children in fiscal year 2020, and smugglers charged $5,000 each.' }],
};
let warmed = false;

/** Runs the engine once in this worker, so that the page's own question finds it ready. */
export function warmEngine(settings: Settings): void {
  if (warmed) return;
  warmed = true;
  findClaimsInDocument(WARM_UP_DOCUMENT, engineOptions(settings));
}

/** What a page on `host` needs to know from the settings. */
export function pageSettings(settings: Settings, host: string): PageSettings {
  return {
    active: isSiteEnabled(settings, host),
    highlightStyle: settings.highlightStyle,
    screenReaderMarks: settings.screenReaderMarks,
    analysisKey: JSON.stringify([settings.sensitivity, settings.disabledMetrics, settings.rulePacks]),
  };
}

function senderHost(sender: Runtime.MessageSender | undefined): string | null {
  const url = sender?.tab?.url ?? sender?.url;
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The settings store (lib/settings/store.ts in the background; an in-memory one in tests). */
export interface HostDeps {
  load: () => Promise<Settings>;
  update: (change: (current: Settings) => Settings) => Promise<Settings>;
}

/**
 * A runtime.onMessage listener for the content script's requests. Every other
 * message is left to other listeners (it returns undefined for them).
 */
export function createContentRequestListener(deps: HostDeps) {
  return (raw: unknown, sender?: Runtime.MessageSender): Promise<unknown> | undefined => {
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'analyze':
        return deps.load().then((settings) => {
          const host = senderHost(sender);
          // A tab on a switched-off site gets nothing, whatever its content script asks.
          if (host !== null && !isSiteEnabled(settings, host)) return { results: [] } satisfies AnalyzeReply;
          return analyzePassages(message.passages, settings, message.pageDate);
        });
      case 'analyze-document':
        return deps.load().then((settings) => analyzeDocument(message.document, settings, senderHost(sender)));
      case 'screen-document':
        return deps.load().then((settings) => screenDocument(message.document, settings, senderHost(sender)));
      case 'warm-engine':
        return deps.load().then((settings) => {
          warmEngine(settings);
          return { ok: true };
        });
      case 'page-settings':
        return deps.load().then((settings) => pageSettings(settings, message.host));
      case 'disable-site':
        return deps.update((settings) => withSiteEnabled(settings, message.host, false)).then(() => ({ ok: true }));
      default:
        return undefined;
    }
  };
}
