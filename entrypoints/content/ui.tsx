// The one element Metric Lens adds to a page: a host with a shadow root that
// holds all of its UI. Created on first use, so a page without claims gets none.
import { render } from 'preact';
import { AnnotationLayer, type LayerActions, type LayerState } from '../../components/AnnotationLayer';
import { LAYER_CSS } from '../../components/layer-style';
import { HOST_TAG } from './own-nodes';

export { HOST_TAG };

const EMPTY: LayerState = { theme: 'light', tooltip: null, popup: null, focus: null, announcement: '' };

/** Renders one update may cause through the handlers it fires, before the rest waits for a later task. */
const MAX_NESTED_PASSES = 4;

export class PageUi {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private state: LayerState = EMPTY;
  private rendering = false;
  private stale = false;
  private announceTimer = 0;
  private stopWatchingTheme: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly actions: LayerActions,
  ) {}

  get current(): LayerState {
    return this.state;
  }

  isHost(node: Node): boolean {
    return node === this.host;
  }

  /**
   * Says `text` through the live region. A screen reader speaks a change to a
   * region it already knows: the region is there empty first, is emptied
   * before each message (so a repeated message is a change too), and the text
   * comes a moment later.
   */
  announce(text: string): void {
    const view = this.doc.defaultView!;
    view.clearTimeout(this.announceTimer);
    const fresh = !this.mount;
    this.update({ announcement: '' }, true);
    this.announceTimer = view.setTimeout(() => this.update({ announcement: text }), fresh ? 400 : 150);
  }

  update(patch: Partial<LayerState>, mount = false): void {
    this.state = { ...this.state, ...patch };
    const nothingShown = !this.state.tooltip && !this.state.popup && !this.state.focus && !this.state.announcement;
    if (!this.mount && nothingShown && !mount) return;
    // Removing the focused ring fires its blur, whose handler updates the state
    // while Preact is still rendering: a render nested in a render leaves
    // Preact's tree out of step with the DOM, and every later update is lost.
    // Such an update is rendered once the outer render is over.
    if (this.rendering) {
      this.stale = true;
      return;
    }
    this.rendering = true;
    let passes = 0;
    try {
      do {
        this.stale = false;
        render(<AnnotationLayer state={this.state} actions={this.actions} />, this.ensureMount());
      } while (this.stale && ++passes < MAX_NESTED_PASSES);
    } finally {
      this.rendering = false;
    }
    // Handlers that keep asking for renders (a browser that fires blur on every removal) never hold
    // the page: what is left is rendered in a later task.
    if (this.stale) {
      this.stale = false;
      this.doc.defaultView?.setTimeout(() => this.update({}), 0);
    }
  }

  destroy(): void {
    this.doc.defaultView?.clearTimeout(this.announceTimer);
    this.stopWatchingTheme?.();
    this.stopWatchingTheme = null;
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
    this.state = EMPTY;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
    // Open, so assistive tech and tests can see in; page CSS still cannot reach in.
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = LAYER_CSS;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    this.state = { ...this.state, theme: pageTheme(this.doc) };
    this.stopWatchingTheme = watchTheme(this.doc, () => this.refreshTheme());
    return mount;
  }

  /** Reads the page's look again (the popup follows a page or system switch to dark or light). */
  refreshTheme(): void {
    if (!this.mount) return;
    const theme = pageTheme(this.doc);
    if (theme !== this.state.theme) this.update({ theme });
  }
}

/**
 * Calls `changed` when the page may have switched between light and dark: the
 * system's colour scheme changed, or the page's root or body changed a class,
 * style or theme attribute (how sites switch themes). Read again after a pause
 * too, for pages whose background fades from one colour to the other.
 */
function watchTheme(doc: Document, changed: () => void): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let timer = 0;
  const soon = () => {
    changed();
    view.clearTimeout(timer);
    timer = view.setTimeout(changed, 500);
  };
  const media = view.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', soon);
  const observer = new view.MutationObserver(soon);
  const attributeFilter = ['class', 'style', 'data-theme', 'data-color-scheme', 'data-mode'];
  observer.observe(doc.documentElement, { attributes: true, attributeFilter });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter });
  return () => {
    media?.removeEventListener('change', soon);
    observer.disconnect();
    view.clearTimeout(timer);
  };
}

/**
 * Dark pages get a dark popup: judged from the page background's luminance;
 * a page with no background of its own shows the canvas, dark only where the
 * page opts into a dark colour scheme and the system asks for it.
 */
export function pageTheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const match = view.getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
    if (!match || match.length < 3) continue;
    const [r, g, b, a = 1] = match.map(Number) as [number, number, number, number?];
    if (a === 0) continue;
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    return luminance < 0.4 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  if (!/\bdark\b/.test(scheme)) return 'light';
  const systemDark = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return systemDark || !/\blight\b/.test(scheme) ? 'dark' : 'light';
}
