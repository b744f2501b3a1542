// Styles of the shadow-root UI. The shadow root keeps page CSS out and ours in.
import { SECTIONS_CSS } from './sections-style';

export const LAYER_CSS = SECTIONS_CSS + `
:host { all: initial; }
.layer {
  --bg: #ffffff; --fg: #1c1d21; --muted: #5b5f6b; --line: #e2e4ea; --accent: #b45309;
  --accent-bg: #fff4dc; --shadow: 0 8px 28px rgba(15, 18, 30, 0.18), 0 1px 3px rgba(15, 18, 30, 0.12);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg);
}
.layer.dark {
  --bg: #202329; --fg: #eceef3; --muted: #a4a9b6; --line: #393d47; --accent: #f5b041;
  --accent-bg: #3a3020; --shadow: 0 8px 28px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.5);
}
.ring {
  position: fixed; z-index: 2147483646; margin: 0; padding: 0; border: 0; border-radius: 4px;
  background: transparent; cursor: pointer; outline: none;
}
.ring:focus-visible, .ring:focus { box-shadow: 0 0 0 2px var(--accent), 0 0 0 4px rgba(255, 255, 255, 0.7); }
.tooltip, .popup {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); text-align: left;
}
.tooltip { max-width: min(360px, calc(100vw - 16px)); padding: 8px 12px; }
.tooltip-metric { font-weight: 650; color: var(--accent); font-size: 13px; letter-spacing: 0.01em; }
.tooltip-line { margin-top: 2px; }
.tooltip-hint { margin-top: 4px; color: var(--muted); font-size: 12px; }
.popup {
  width: min(420px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  padding: 14px 16px 12px; outline: none;
}
.popup-head { display: flex; align-items: flex-start; gap: 8px; }
.popup h2 { flex: 1; margin: 0; font-size: 15px; font-weight: 650; line-height: 1.3; }
.popup h3 { margin: 12px 0 4px; font-size: 12px; font-weight: 650; text-transform: uppercase;
  letter-spacing: 0.04em; color: var(--muted); }
.close { flex: none; width: 28px; height: 28px; margin: -4px -6px 0 0; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font-size: 20px; line-height: 1; cursor: pointer; }
.close:hover, .close:focus-visible { background: var(--line); color: var(--fg); }
.quote { margin: 10px 0; padding: 6px 10px; border-left: 3px solid var(--accent); background: var(--accent-bg);
  border-radius: 0 6px 6px 0; font-style: italic; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 12px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.number { font-weight: 650; font-variant-numeric: tabular-nums; }
.conflation { margin: 10px 0 0; padding: 8px 10px; border-radius: 6px; background: var(--accent-bg); }
.source p { margin: 0; }
.source-value { font-weight: 650; }
.source-ref { color: var(--muted); }
.source a { color: var(--accent); }
.caveats ul { margin: 0; padding-left: 18px; }
.caveats li + li { margin-top: 3px; }
.why { margin-top: 10px; color: var(--muted); font-size: 13px; }
.why summary { cursor: pointer; }
.why p { margin: 4px 0 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 8px; margin: 12px -16px -12px; padding: 10px 16px 12px; border-top: 1px solid var(--line);
  position: sticky; bottom: -12px; background: var(--bg); }
.actions button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--line); background: transparent; color: var(--fg); }
.actions button:hover, .actions button:focus-visible { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
