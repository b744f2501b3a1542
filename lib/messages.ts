// Runtime messages between the content script, the background (which hosts
// the engine, so that it never loads into a web page) and the toolbar
// popup. Validated on receipt: a message is untrusted input.
import { z } from 'zod';
import { Claim, DocumentInput, IsoDate, MetricProbability, Unit } from './contract';

export const Passage = z.object({ id: z.string(), text: z.string().max(2_000_000) });
export type Passage = z.infer<typeof Passage>;

export const Message = z.discriminatedUnion('type', [
  /** content → background: run the engine on candidate passages. Reply: AnalyzeReply. */
  z.object({ type: z.literal('analyze'), passages: z.array(Passage).max(5_000), pageDate: IsoDate.optional() }),
  /**
   * content → background: run the engine on part of a page read as a document
   * (the candidate blocks with their context, lib/document-window.ts). Reply: DocumentReply.
   */
  z.object({ type: z.literal('analyze-document'), document: DocumentInput }),
  /**
   * content → background: does the engine find any claim in this document (a page's rendered
   * lines, lib/rendered-document.ts)? Reply: ScreenReply. Only a yes makes the page read itself carefully.
   */
  z.object({ type: z.literal('screen-document'), document: DocumentInput }),
  /**
   * content → background: a page has begun a long walk and has found a candidate; make the engine ready
   * (a worker that was asleep starts, its patterns compile) while the page goes on. Reply: { ok: true }.
   */
  z.object({ type: z.literal('warm-engine') }),
  /** content → background: how many claims the tab shows (for the badge). */
  z.object({ type: z.literal('claims-count'), count: z.number().int().nonnegative() }),
  /** popup → content: the claims on this page. Reply: PageClaims. */
  z.object({ type: z.literal('list-claims') }),
  /** popup → content: scroll to claim `index` and open its context popup. */
  z.object({ type: z.literal('focus-claim'), index: z.number().int().nonnegative() }),
  /**
   * content → background: what the content script needs from the settings for
   * this host. Reply: PageSettings. (The settings module and its zod schemas
   * stay out of the page's bundle.)
   */
  z.object({ type: z.literal('page-settings'), host: z.string().max(300) }),
  /** background → content: a keyboard shortcut of the manifest's `commands` was pressed on this tab. */
  z.object({ type: z.literal('command'), command: z.string().max(100) }),
  /** content → background: switch Metric Lens off on this host (the popup's "Turn off on …"). */
  z.object({ type: z.literal('disable-site'), host: z.string().max(300) }),
]);
export type Message = z.infer<typeof Message>;

/** What the page UI shows about a metric, sent along so the rules never load into a web page. */
export const MetricSummary = z.object({
  shortName: z.string(),
  name: z.string(),
  counts: z.string(),
  /** What the figure is often taken for but does not count. */
  notCounts: z.string(),
  tooltip: z.string(),
  /** The series of the measures the claims are compared with, oldest period first, by measure id. */
  series: z.record(z.string(), z.array(z.lazy(() => SeriesPoint))).optional(),
});
export type MetricSummary = z.infer<typeof MetricSummary>;

/** One official figure of a series, as the chart draws it. */
export const SeriesPoint = z.object({
  figureId: z.string(),
  period: z.string(),
  from: IsoDate,
  to: IsoDate,
  number: z.number(),
  value: z.string(),
  unit: Unit,
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** How the page UI presents uncertainty and series (rules/presentation.json). */
export const PresentationHints = z.object({
  uncertainBelow: z.number().min(0).max(1),
  alternativesShown: z.number().int().positive(),
  caveatsShown: z.number().int().positive(),
});
export type PresentationHints = z.infer<typeof PresentationHints>;
export type { MetricProbability };

export const AnalyzeReply = z.object({
  results: z.array(z.object({ id: z.string(), claims: z.array(Claim) })),
  /** The metrics the claims name, by metric id. */
  metrics: z.record(z.string(), MetricSummary).optional(),
  presentation: PresentationHints.optional(),
});
export type AnalyzeReply = z.infer<typeof AnalyzeReply>;

export const DocumentReply = z.object({
  /** One array per block of the document sent, offsets into that block's text. */
  claims: z.array(z.array(Claim)),
  /** The metrics the claims name, by metric id. */
  metrics: z.record(z.string(), MetricSummary),
  /** Metric Lens is on for the sender's site: false means no claims were looked for. */
  active: z.boolean(),
  /** The settings the claims were found with (PageSettings.analysisKey). */
  analysisKey: z.string(),
  presentation: PresentationHints.optional(),
});
export type DocumentReply = z.infer<typeof DocumentReply>;

export const ScreenReply = z.object({
  /** The engine found at least one claim with the user's settings. */
  found: z.boolean(),
  /** Metric Lens is on for the sender's site: false means no claims were looked for. */
  active: z.boolean(),
});
export type ScreenReply = z.infer<typeof ScreenReply>;

export const PageSettings = z.object({
  /** Metric Lens is on, and on for this host. */
  active: z.boolean(),
  highlightStyle: z.enum(['color', 'underline', 'contrast']),
  /** Claims are marked in the page's text for screen readers (see lib/dom/sr-marks.ts). */
  screenReaderMarks: z.boolean(),
  /** Changes whenever the engine would answer differently (sensitivity, metrics, rule packs). */
  analysisKey: z.string(),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const PageClaims = z.object({
  url: z.string(),
  /** False where the user switched Metric Lens off for this site. */
  enabled: z.boolean(),
  claims: z.array(Claim),
});
export type PageClaims = z.infer<typeof PageClaims>;
