// The one element Metric Lens adds to a page: a host with a shadow root that
// holds all of its UI. Created on first use, so a page without claims gets none.
import { render } from 'preact';
import { AnnotationLayer, type LayerActions, type LayerState } from '../../components/AnnotationLayer';
import { LAYER_CSS } from '../../components/layer-style';
import { HOST_TAG } from './own-nodes';

export { HOST_TAG };

const EMPTY: LayerState = { theme: 'light', tooltip: null, popup: null, focus: null, announcement: '' };

export class PageUi {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private state: LayerState = EMPTY;
  private rendering = false;
  private stale = false;

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

  update(patch: Partial<LayerState>): void {
    this.state = { ...this.state, ...patch };
    const nothingShown = !this.state.tooltip && !this.state.popup && !this.state.focus && !this.state.announcement;
    if (!this.mount && nothingShown) return;
    // Removing the focused ring fires its blur, whose handler updates the state
    // while Preact is still rendering: a render nested in a render leaves
    // Preact's tree out of step with the DOM, and every later update is lost.
    // Such an update is rendered once the outer render is over.
    if (this.rendering) {
      this.stale = true;
      return;
    }
    this.rendering = true;
    try {
      do {
        this.stale = false;
        render(<AnnotationLayer state={this.state} actions={this.actions} />, this.ensureMount());
      } while (this.stale);
    } finally {
      this.rendering = false;
    }
  }

  destroy(): void {
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
    return mount;
  }
}

/** Dark pages get a dark popup: judged from the page background's luminance. */
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
  return 'light';
}
