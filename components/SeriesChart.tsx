// A measure's official figures as a small bar chart, the compared figure in
// the accent colour and the claim's own number as a dashed line across it.
// Colours are the layer's custom properties, so light and dark follow the
// popup's theme. Screen readers get one summary (role="img") and a table
// behind a disclosure.
import { useState } from 'preact/hooks';
import type { Unit } from '../lib/contract';
import type { SeriesPoint } from '../lib/messages';
import { compact, full, shortPeriod } from './figures';

export interface SeriesChartProps {
  points: readonly SeriesPoint[];
  /** What the series counts (the figure's label). */
  label: string;
  /** The figure the claim is compared with. */
  focusId: string;
  /** The claim's value, on the series' scale; null where it has none to mark. */
  claimValue: number | null;
  claimRaw: string;
  /** An id prefix, unique in the popup. */
  id: string;
}

const W = 300;
const H = 132;
const TOP = 16;
const BOTTOM = 20;
const LEFT = 4;
/** A gutter on the right for the claim's label, so that it never sits on a bar. */
const RIGHT = 34;
/** Below this width a bar's slot cannot hold its labels side by side with its neighbours'. */
const DENSE_SLOT = 34;

/** The y-axis ceiling: the largest value shown, with headroom for its label. */
function ceiling(values: readonly number[]): number {
  const max = Math.max(...values, 0);
  return max > 0 ? max * 1.08 : 1;
}

export function chartSummary(points: readonly SeriesPoint[], label: string, focusId: string, claimRaw: string, claimValue: number | null, unit: Unit): string {
  const series = points.map((p) => `${p.period}: ${full(p.number, unit)}`).join('; ');
  const focus = points.find((p) => p.figureId === focusId);
  const marked = claimValue !== null ? ` The claim’s ${claimRaw} is drawn as a dashed line.` : '';
  const compared = focus ? ` The figure compared is ${focus.period}.` : '';
  return `Chart of ${label}. ${series}.${compared}${marked}`;
}

export function SeriesChart({ points, label, focusId, claimValue, claimRaw, id }: SeriesChartProps) {
  const [tableOpen, setTableOpen] = useState(false);
  const unit = points[0]?.unit ?? 'count';
  const top = ceiling([...points.map((p) => p.number), ...(claimValue !== null ? [claimValue] : [])]);
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT - RIGHT) / points.length;
  const gutter = W - RIGHT + 3;
  // Too many bars for every label: the compared figure's, the first and the last only (the table has all).
  const dense = slot < DENSE_SLOT;
  const labelled = (i: number, focus: boolean) => !dense || focus || i === 0 || i === points.length - 1;
  const barW = Math.min(36, slot * 0.66);
  const y = (v: number) => TOP + plotH - (Math.max(0, v) / top) * plotH;
  const claimY = claimValue !== null ? y(claimValue) : null;
  const tableId = `${id}-table`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={chartSummary(points, label, focusId, claimRaw, claimValue, unit)}
        preserveAspectRatio="xMidYMid meet"
      >
        <line class="chart-axis" x1={LEFT} x2={W - RIGHT} y1={TOP + plotH} y2={TOP + plotH} />
        {points.map((p, i) => {
          const cx = LEFT + slot * i + slot / 2;
          const barY = y(p.number);
          const focus = p.figureId === focusId;
          return (
            <g key={p.figureId} class={focus ? 'chart-bar focus' : 'chart-bar'}>
              <rect x={cx - barW / 2} y={barY} width={barW} height={Math.max(1, TOP + plotH - barY)} rx={2} />
              {(!dense || focus) && (
                <text class="chart-value" x={cx} y={barY - 4} text-anchor="middle">
                  {compact(p.number, unit)}
                </text>
              )}
              {labelled(i, focus) && (
                <text class="chart-period" x={cx} y={H - 6} text-anchor="middle">
                  {shortPeriod(p.from, p.to)}
                </text>
              )}
            </g>
          );
        })}
        {claimY !== null && (
          <g class="chart-claim">
            <line x1={LEFT} x2={W - RIGHT} y1={claimY} y2={claimY} />
            <text x={gutter} y={Math.max(claimY, 10) - 2}>claim</text>
            <text x={gutter} y={Math.max(claimY, 10) + 9}>
              {compact(claimValue!, unit)}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <span class="chart-key">
          <span class="key-focus" aria-hidden="true" /> compared figure
          {claimY !== null && (
            <>
              {' '}
              <span class="key-claim" aria-hidden="true" /> the claim
            </>
          )}
        </span>
        <button type="button" class="linkish" aria-expanded={tableOpen} aria-controls={tableId} onClick={() => setTableOpen(!tableOpen)}>
          {tableOpen ? 'Hide table' : 'Show as table'}
        </button>
      </figcaption>
      <table id={tableId} class="chart-table" hidden={!tableOpen}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Official figure</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.figureId} class={p.figureId === focusId ? 'focus' : undefined}>
              <th scope="row">{p.period}</th>
              <td>{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
