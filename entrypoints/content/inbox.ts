// Checks on the messages the content script receives. The zod schemas in
// lib/messages.ts are the definition; zod itself stays out of the page's
// bundle (it would double its size), so these read the same shapes by hand,
// typed against those schemas, and drop anything that does not fit.
import type { Claim } from '../../lib/contract';
import type { AnalyzeReply, DocumentReply, MetricSummary, PageSettings, PresentationHints, ScreenReply, SeriesPoint } from '../../lib/messages';
import { isCommandName, type CommandName } from '../../lib/commands';

type Unknown = Record<string, unknown>;

const isObject = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isIndex = (v: unknown): v is number => isNumber(v) && Number.isInteger(v) && v >= 0;

/** The shortcuts of the manifest's `commands` (lib/commands.ts), relayed by the background. */
export type PageCommand = CommandName;

export type PopupRequest =
  | { type: 'list-claims' }
  | { type: 'focus-claim'; index: number }
  | { type: 'command'; command: PageCommand };

export function readPopupRequest(raw: unknown): PopupRequest | null {
  if (!isObject(raw)) return null;
  if (raw.type === 'list-claims') return { type: 'list-claims' };
  if (raw.type === 'focus-claim' && isIndex(raw.index)) return { type: 'focus-claim', index: raw.index };
  if (raw.type === 'command' && isString(raw.command) && isCommandName(raw.command)) {
    return { type: 'command', command: raw.command };
  }
  return null;
}

function isSource(v: unknown): boolean {
  return v === null || (isObject(v) && ['publisher', 'title', 'period', 'value', 'url'].every((k) => isString(v[k])));
}

function isClaim(v: unknown): v is Claim {
  if (!isObject(v)) return false;
  const n = v.number;
  const c = v.conflation;
  return (
    isString(v.text) &&
    isIndex(v.start) &&
    isIndex(v.end) &&
    isObject(n) &&
    isString(n.raw) &&
    isString(v.predicate) &&
    isString(v.metric) &&
    isString(v.metricName) &&
    isNumber(v.confidence) &&
    (c === null || (isObject(c) && isString(c.says) && isString(c.counts))) &&
    isStrings(v.caveats) &&
    isSource(v.source) &&
    isStrings(v.rules) &&
    isString(v.sensitivity)
  );
}

function isPoint(v: unknown): v is SeriesPoint {
  return isObject(v) && isString(v.figureId) && isString(v.period) && isString(v.from) && isString(v.to) && isNumber(v.number) && isString(v.value) && isString(v.unit);
}

function isSeries(v: unknown): boolean {
  return v === undefined || (isObject(v) && Object.values(v).every((points) => Array.isArray(points) && points.every(isPoint)));
}

function isSummary(v: unknown): v is MetricSummary {
  return (
    isObject(v) &&
    isString(v.shortName) &&
    isString(v.name) &&
    isString(v.counts) &&
    isString(v.notCounts) &&
    isString(v.tooltip) &&
    isSeries(v.series)
  );
}

function readPresentation(v: unknown): PresentationHints | undefined {
  if (!isObject(v) || !isNumber(v.uncertainBelow) || !isIndex(v.alternativesShown) || !isIndex(v.caveatsShown)) return undefined;
  return { uncertainBelow: v.uncertainBelow, alternativesShown: v.alternativesShown, caveatsShown: v.caveatsShown };
}

/** The background's reply to `analyze`; claims that do not fit the contract are dropped. */
export function readAnalyzeReply(raw: unknown): AnalyzeReply | null {
  if (!isObject(raw) || !Array.isArray(raw.results)) return null;
  const results: AnalyzeReply['results'] = [];
  for (const r of raw.results) {
    if (!isObject(r) || !isString(r.id) || !Array.isArray(r.claims)) continue;
    results.push({ id: r.id, claims: r.claims.filter(isClaim) });
  }
  const metrics: Record<string, MetricSummary> = {};
  if (isObject(raw.metrics)) {
    for (const [id, summary] of Object.entries(raw.metrics)) if (isSummary(summary)) metrics[id] = summary;
  }
  const presentation = readPresentation(raw.presentation);
  return presentation ? { results, metrics, presentation } : { results, metrics };
}

function readMetrics(raw: unknown): Record<string, MetricSummary> {
  const metrics: Record<string, MetricSummary> = {};
  if (isObject(raw)) for (const [id, summary] of Object.entries(raw)) if (isSummary(summary)) metrics[id] = summary;
  return metrics;
}

/**
 * The background's reply to `analyze-document` for a document of `blocks`
 * blocks; claims that do not fit the contract are dropped, a reply of the
 * wrong length is no reply.
 */
export function readDocumentReply(raw: unknown, blocks: number): DocumentReply | null {
  if (!isObject(raw) || !Array.isArray(raw.claims) || raw.claims.length !== blocks) return null;
  if (typeof raw.active !== 'boolean' || !isString(raw.analysisKey)) return null;
  const claims = raw.claims.map((list: unknown) => (Array.isArray(list) ? list.filter(isClaim) : []));
  const reply: DocumentReply = { claims, metrics: readMetrics(raw.metrics), active: raw.active, analysisKey: raw.analysisKey };
  const presentation = readPresentation(raw.presentation);
  return presentation ? { ...reply, presentation } : reply;
}

export function readScreenReply(raw: unknown): ScreenReply | null {
  if (!isObject(raw) || typeof raw.found !== 'boolean' || typeof raw.active !== 'boolean') return null;
  return { found: raw.found, active: raw.active };
}

export function readPageSettings(raw: unknown): PageSettings | null {
  if (!isObject(raw) || typeof raw.active !== 'boolean' || !isString(raw.analysisKey)) return null;
  const style = raw.highlightStyle === 'underline' || raw.highlightStyle === 'contrast' ? raw.highlightStyle : 'color';
  return { active: raw.active, highlightStyle: style, screenReaderMarks: raw.screenReaderMarks === true, analysisKey: raw.analysisKey };
}
