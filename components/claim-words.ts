// Plain words for the ids in a Claim, for the page UI.
import type { Claim, PredicateId } from '../lib/contract';
import type { MetricSummary, PresentationHints } from '../lib/messages';

/** What a sentence with this predicate says happened. */
export const PREDICATE_WORDS: Record<PredicateId, string> = {
  trafficked: 'children were trafficked',
  smuggled: 'children were smuggled',
  missing: 'children are missing',
  lost_contact: 'contact with children was lost',
  encountered: 'children were stopped or crossed at the border',
  released: 'children were released to sponsors',
  exploited_labor: 'children were exploited for labour',
  exploited_sex: 'children were sexually exploited',
  found: 'children were found or rescued',
  prosecuted: 'people were arrested, charged or convicted',
  fee: 'a price was paid per person',
  revenue: 'criminal groups earned this money',
  identified_victims: 'victims were identified',
  reports: 'reports or tips were received',
  other: 'something other than trafficking happened',
};

/** The one line a reader needs on hover: the conflation if there is one, else the top caveat. */
export function keyLine(claim: Claim, tooltip?: string): string {
  if (claim.conflation) return `Says ${PREDICATE_WORDS[claim.conflation.says]}; counts ${lowerFirst(claim.conflation.counts)}`;
  return claim.caveats[0] ?? tooltip ?? '';
}

/** "Follow-up calls…" → "follow-up calls…", to continue a sentence (acronyms stay). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A clause that ends a sentence: lower first letter, closing full stop. */
export function asClause(text: string): string {
  const body = lowerFirst(text.trim());
  return /[.!?]$/.test(body) ? body : `${body}.`;
}

/** Only web links are shown as links; anything else is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A likely metric of an uncertain claim, in words. */
export interface LikelyMetric {
  metric: string;
  shortName: string;
  /** What the figure would then count. */
  counts?: string;
  probability: number;
}

export interface ClaimContext {
  others?: Record<string, MetricSummary>;
  hints?: PresentationHints;
}

/** The top metric's probability: the engine's distribution where it gives one, else its confidence. */
export function topProbability(claim: Claim): number {
  return claim.alternatives?.[0]?.probability ?? claim.confidence;
}

/**
 * The metrics an uncertain claim most likely comes from, most probable first;
 * null where the top one is probable enough (rules/presentation.json, `uncertainBelow`).
 */
export function likelyMetrics(claim: Claim, shortName: string, ctx: ClaimContext, counts?: string): LikelyMetric[] | null {
  const hints = ctx.hints;
  if (!hints || topProbability(claim) >= hints.uncertainBelow) return null;
  const alternatives = claim.alternatives?.length ? claim.alternatives : [{ metric: claim.metric, probability: claim.confidence }];
  return alternatives.slice(0, hints.alternativesShown).flatMap((alt) => {
    if (alt.metric === claim.metric) return [{ metric: alt.metric, shortName, counts, probability: alt.probability }];
    const other = ctx.others?.[alt.metric];
    return other ? [{ metric: alt.metric, shortName: other.shortName, counts: other.counts, probability: alt.probability }] : [];
  });
}

export const percent = (p: number) => `${Math.round(p * 100)}%`;

/** "Probably ORR unanswered calls (55%), possibly CBP encounters (30%)". */
export function probablyLine(likely: readonly LikelyMetric[]): string {
  return likely
    .map((m, i) => `${i === 0 ? 'Probably' : 'possibly'} ${m.shortName} (${percent(m.probability)})`)
    .join(', ');
}

/** The metric as the tooltip, the focus ring and the toolbar list name it: its short name, or "Probably …" where uncertain. */
export function metricLine(claim: Claim, shortName: string, ctx: ClaimContext): string {
  const likely = likelyMetrics(claim, shortName, ctx);
  return likely ? probablyLine(likely) : shortName;
}
