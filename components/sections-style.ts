// Styles of the popup's content sections and the series chart, appended to the
// layer's stylesheet. Chart colours are custom properties of the layer's theme.
export const SECTIONS_CSS = `
.layer { --chart-bar: #9aa1b1; --chart-focus: #b45309; --chart-claim: #1d4ed8; --mark-bg: #fde68a; --mark-fg: #1c1d21; }
.layer.dark { --chart-bar: #6b7180; --chart-focus: #f5b041; --chart-claim: #93c5fd; --mark-bg: #7c5a12; --mark-fg: #fff7e6; }
.uncertain { margin: 8px 0 10px; padding: 8px 10px; border: 1px dashed var(--accent); border-radius: 6px; }
.uncertain h3 { margin-top: 0; }
.uncertain p, .uncertain ul { margin: 0; }
.likely { padding-left: 18px; margin-top: 4px !important; }
.likely li + li { margin-top: 2px; }
.figure-label { color: var(--fg); }
.figure-match { font-size: 13px; }
.figure-match.nearest, .figure-none { padding: 4px 8px; border-radius: 6px; background: var(--accent-bg); }
.figure-note { color: var(--muted); font-size: 13px; }
.source p + p { margin-top: 2px; }
.chart { margin: 8px 0 0; }
.chart svg { display: block; width: 100%; height: auto; max-height: 150px; }
.chart-axis { stroke: var(--line); stroke-width: 1; }
.chart-bar rect { fill: var(--chart-bar); }
.chart-bar.focus rect { fill: var(--chart-focus); }
.chart-value, .chart-period, .chart-claim text { font: 10px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--muted); }
.chart-bar.focus .chart-value, .chart-bar.focus .chart-period { fill: var(--fg); font-weight: 650; }
/* A halo in the background colour keeps labels legible where the claim's line crosses them. */
.chart-value, .chart-claim text { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
.chart-claim line { stroke: var(--chart-claim); stroke-width: 1.5; stroke-dasharray: 5 3; }
.chart-claim text { fill: var(--chart-claim); font-weight: 650; }
.chart figcaption { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px;
  font-size: 12px; color: var(--muted); margin-top: 2px; }
.key-focus, .key-claim { display: inline-block; width: 10px; height: 10px; vertical-align: -1px; border-radius: 2px; }
.key-focus { background: var(--chart-focus); }
.key-claim { height: 0; border-top: 2px dashed var(--chart-claim); border-radius: 0; vertical-align: 3px; }
.chart-table { width: 100%; margin-top: 4px; border-collapse: collapse; font-size: 13px; }
.chart-table caption { text-align: left; color: var(--muted); font-size: 12px; }
.chart-table th, .chart-table td { text-align: left; padding: 2px 6px; border-bottom: 1px solid var(--line); font-weight: normal; }
.chart-table td { font-variant-numeric: tabular-nums; }
.chart-table tr.focus th, .chart-table tr.focus td { font-weight: 650; }
.linkish { font: inherit; font-size: 13px; padding: 2px 4px; margin: 0 -4px; border: 0; border-radius: 4px; background: transparent;
  color: var(--accent); text-decoration: underline; cursor: pointer; }
.caveats .more { margin-top: 4px; }
.caveats ul + ul { margin-top: 3px; }
.why-metric .why-sentence { margin: 0; padding: 6px 10px; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.why-metric mark { background: var(--mark-bg); color: var(--mark-fg); border-radius: 2px; padding: 0 1px; }
.why-words { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
.reason-ids { margin: 4px 0 0; padding-left: 18px; }
`;
