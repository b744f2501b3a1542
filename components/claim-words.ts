// Plain words for the ids in a Claim, for the page UI.
import type { Claim, PredicateId } from '../lib/contract';

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
