// The context popup's content sections: which dataset (with probabilities
// where the engine is unsure), the period, the conflation in this sentence's
// words, the official figure for the same measure and period with its
// series, the caveats that apply, and why this metric. Page text is only ever
// a text node (JSX children), never HTML.
import { useState } from 'preact/hooks';
import type { Claim, Conflation } from '../lib/contract';
import type { MetricSummary } from '../lib/messages';
import { PREDICATE_WORDS, asClause, likelyMetrics, lowerFirst, percent, probablyLine, safeHref, type ClaimContext } from './claim-words';
import { claimValue, markPieces, periodLine, UNIT_WORDS } from './figures';
import { SeriesChart } from './SeriesChart';

export function UncertainSection({ claim, metric, ctx }: { claim: Claim; metric?: MetricSummary; ctx: ClaimContext }) {
  const likely = likelyMetrics(claim, metric?.shortName ?? claim.metricName, ctx, metric?.counts ?? claim.conflation?.counts);
  if (!likely) return null;
  return (
    <section class="uncertain" aria-labelledby="ml-uncertain-title">
      <h3 id="ml-uncertain-title">Which dataset?</h3>
      <p class="probably">
        Metric Lens is not sure. {probablyLine(likely)}.
      </p>
      <ul class="likely">
        {likely.map((m) => (
          <li key={m.metric}>
            <strong>
              {m.shortName} ({percent(m.probability)})
            </strong>
            {m.counts && <>: the number would count {asClause(m.counts)}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PeriodFact({ claim }: { claim: Claim }) {
  if (claim.period === undefined) return null;
  return (
    <>
      <dt>The period</dt>
      <dd class="period">{claim.period ? periodLine(claim.period) : 'None named'}</dd>
    </>
  );
}

export function ConflationLine({ conflation }: { conflation: Conflation }) {
  const says = conflation.words ? `“${conflation.words}”` : PREDICATE_WORDS[conflation.says];
  return (
    <p class="conflation">
      <strong>Not the same thing.</strong> This sentence says {says}; the figure counts {asClause(conflation.counts)}
    </p>
  );
}

/** The claim's value on the series' scale (a percent beside a ratio is scaled), or null. */
function onSeriesScale(claim: Claim, seriesUnit: string): number | null {
  const v = claimValue(claim);
  if (v === null) return null;
  const unit = claim.number.unit;
  if (unit === seriesUnit) return v;
  if (unit === 'percent' && seriesUnit === 'ratio') return v / 100;
  if (unit === 'ratio' && seriesUnit === 'percent') return v * 100;
  return null;
}

export function FigureSection({ claim, metric }: { claim: Claim; metric?: MetricSummary }) {
  const c = claim.comparison;
  if (!c) {
    return (
      <section class="source">
        <h3>Official figure</h3>
        <p class="figure-none">
          {claim.noFigure ??
            `Metric Lens has no official figure for this metric in the claim’s unit (${UNIT_WORDS[claim.number.unit]}), so none is shown: a figure in another unit would not compare.`}
        </p>
      </section>
    );
  }
  const href = safeHref(c.url);
  const series = metric?.series?.[c.measure];
  return (
    <section class="source">
      <h3>Official figure</h3>
      <p>
        <span class="source-value">{c.value}</span>
        {' · '}
        {c.period}
      </p>
      <p class="figure-label">{c.label}</p>
      <p class={`figure-match ${c.periodMatch}`}>{c.statement}</p>
      {c.note && <p class="figure-note">{c.note}</p>}
      <p class="source-ref">
        {c.publisher}:{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {c.title}
          </a>
        ) : (
          c.title
        )}
      </p>
      {c.sourceNote && <p class="figure-note source-check">{c.sourceNote}</p>}
      {series && series.length > 0 && (
        <SeriesChart
          id="ml-chart"
          points={series}
          label={c.label}
          focusId={c.figureId}
          claimValue={onSeriesScale(claim, series[0]!.unit)}
          claimRaw={claim.number.raw}
        />
      )}
    </section>
  );
}

export function CaveatsSection({ caveats, shown }: { caveats: readonly string[]; shown: number }) {
  const [open, setOpen] = useState(false);
  if (!caveats.length) return null;
  const first = caveats.slice(0, shown);
  const rest = caveats.slice(shown);
  return (
    <section class="caveats">
      <h3>Caveats</h3>
      <ul>
        {first.map((caveat, i) => (
          <li key={i}>{caveat}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <>
          <ul id="ml-more-caveats" hidden={!open}>
            {rest.map((caveat, i) => (
              <li key={i}>{caveat}</li>
            ))}
          </ul>
          <button type="button" class="linkish more" aria-expanded={open} aria-controls="ml-more-caveats" onClick={() => setOpen(!open)}>
            {open ? 'Fewer caveats' : `More caveats (${rest.length})`}
          </button>
        </>
      )}
    </section>
  );
}

/** Phrases that decided, most weighty first; at most this many are marked. */
const MARKED_REASONS = 6;

export function WhySection({ claim }: { claim: Claim }) {
  const sentence = claim.sentence;
  if (!sentence) return null;
  const decided = (claim.reasons ?? []).filter((r) => r.weight > 0).slice(0, MARKED_REASONS);
  const against = (claim.reasons ?? []).filter((r) => r.weight < 0).slice(0, 3);
  const local = (r: { start: number; end: number }) => ({ start: r.start - sentence.start, end: r.end - sentence.start });
  let spans = decided.map(local);
  if (!spans.length) {
    // No phrase-level reasons: mark the number and the words that say what happened.
    spans = [local(claim)];
    const words = claim.conflation?.words;
    const at = words ? sentence.text.indexOf(words) : -1;
    if (at >= 0) spans.push({ start: at, end: at + words!.length });
  }
  const pieces = markPieces(sentence.text, spans);
  const quoted = (list: readonly { phrase: string }[]) => list.map((r) => `“${r.phrase}”`).join(', ');
  return (
    <section class="why-metric">
      <h3>Why this metric</h3>
      <blockquote class="why-sentence">{pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : p.text))}</blockquote>
      <p class="why-words">
        {decided.length ? (
          <>
            Points to {lowerFirst(claim.metricName)}: {quoted(decided)}.
            {against.length > 0 && <> Against it: {quoted(against)}.</>}
          </>
        ) : (
          'Marked: the number and the words that say what happened.'
        )}
      </p>
    </section>
  );
}

export function DetailsSection({ claim }: { claim: Claim }) {
  return (
    <details class="why">
      <summary>Details: rules and confidence</summary>
      <p>
        Confidence {Math.round(claim.confidence * 100)}% at {claim.sensitivity} sensitivity.
        {claim.rules.length > 0 && <> Rules: {claim.rules.join(', ')}.</>}
      </p>
      {claim.reasons && claim.reasons.length > 0 && (
        <ul class="reason-ids">
          {claim.reasons.map((r, i) => (
            <li key={i}>
              “{r.phrase}”: {r.feature} ({r.weight > 0 ? '+' : ''}
              {Math.round(r.weight * 100) / 100})
            </li>
          ))}
        </ul>
      )}
      {claim.comparison && <p>Figure: {claim.comparison.figureId} (measure {claim.comparison.measure}).</p>}
    </details>
  );
}
