// How the page gate (loaded on every page) and the annotator (loaded only
// where a claim may be) meet: the annotator script, imported as a module into
// the same isolated world, leaves its factory on that world's global object,
// which the page itself cannot see.
import type { Claim } from '../../lib/contract';
import type { PageSettings } from '../../lib/messages';
import type { CandidateWalk } from '../../lib/dom/candidates';
import type { MarkName } from './marks';

export interface AnnotatorHooks {
  disableSite(): void;
  mark(name: MarkName): void;
  /** Drops change records queued so far (after the annotator changed the DOM itself). */
  discardPendingChanges(): void;
}

export interface PageAnnotator {
  readonly claims: Claim[];
  readonly running: boolean;
  /** The first full scan; `walk` is the locating walk the gate already started, if any. */
  start(walk?: CandidateWalk): void;
  stop(): void;
  updateSettings(next: PageSettings): void;
  focusClaim(index: number): boolean;
  /** Changed nodes from the page's change watcher. */
  pageChanged(added: Node[], removedFrom: Node[]): void;
}

export type AnnotatorFactory = (settings: PageSettings, hooks: AnnotatorHooks) => PageAnnotator;

const KEY = '__metricLensAnnotator';

type Holder = { [KEY]?: AnnotatorFactory };

export function publishAnnotator(factory: AnnotatorFactory): void {
  (globalThis as Holder)[KEY] = factory;
}

/** Imports the annotator script (an extension file) once and returns its factory. */
export async function importAnnotator(url: string): Promise<AnnotatorFactory> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) await import(/* @vite-ignore */ url);
  const factory = holder[KEY];
  if (!factory) throw new Error('the annotator script did not load');
  return factory;
}
