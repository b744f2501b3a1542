// How the page gate (loaded on every page) and the annotator script (loaded
// only where a claim may be) meet: the annotator script, imported as a module
// into the same isolated world, leaves its session starter on that world's
// global object, which the page itself cannot see.
import type { Claim } from '../../lib/contract';
import type { PageSettings } from '../../lib/messages';
import type { PageCommand } from './inbox';
import type { MarkName } from './marks';
import type { PageAnswer } from './page-analysis';

/** What the gate lends the session: its marks, its change watcher, the claims it already got. */
export interface GateHandle {
  doc: Document;
  mark(name: MarkName): void;
  /** Drops change records queued so far (after the annotator changed the DOM itself). */
  discardPendingChanges(): void;
  /** The settings request, sent when the gate saw its first candidate (the raw reply). */
  firstSettings: Promise<unknown>;
  /**
   * Calls `listener` whenever stored settings change, and at once if they
   * changed since `firstSettings` was asked for (its reply may be stale).
   */
  onSettingsChanged(listener: () => void): void;
  /** The engine's answer for the page that made the gate import the session. */
  firstAnswer: PageAnswer;
}

/** A page's life once a candidate was seen: settings, popup requests, the annotator. */
export interface PageSession {
  /** Changed nodes from the gate's change watcher. */
  pageChanged(added: Node[], removedFrom: Node[]): void;
}

export type SessionStarter = (gate: GateHandle) => PageSession;

export interface AnnotatorHooks {
  disableSite(): void;
  mark(name: MarkName): void;
  discardPendingChanges(): void;
}

export interface PageAnnotator {
  readonly claims: Claim[];
  readonly running: boolean;
  /** The first full scan; `answer` is the gate's, painted as it is when it fits the current settings. */
  start(answer?: PageAnswer): void;
  stop(): void;
  updateSettings(next: PageSettings): void;
  focusClaim(index: number): boolean;
  /** A keyboard shortcut of the manifest's `commands`, relayed by the background. */
  runCommand(command: PageCommand): void;
  pageChanged(added: Node[], removedFrom: Node[]): void;
}

const KEY = '__metricLensSession';

type Holder = { [KEY]?: SessionStarter };

export function publishSession(start: SessionStarter): void {
  (globalThis as Holder)[KEY] = start;
}

/** Imports the annotator script (an extension file) once and returns its session starter. */
export async function importSession(url: string): Promise<SessionStarter> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) await import(/* @vite-ignore */ url);
  const start = holder[KEY];
  if (!start) throw new Error('the annotator script did not load');
  return start;
}
