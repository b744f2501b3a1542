// One analysis of a page, as the gate and the annotator both run it: find the
// candidate blocks (or take the changed ones), index their context, send the
// chosen document to the background engine, read its answer. The page's
// thread is given back between slices of a few milliseconds.
import { locateCandidates, locatedFromBlocks, type Located } from '../../lib/dom/candidates';
import type { BlockPlace } from '../../lib/dom/page-blocks';
import { readPageDocument } from '../../lib/dom/page-document';
import { TimeSlicer, yieldToPage } from '../../lib/dom/slices';
import type { CollectOptions } from '../../lib/dom/text-index';
import type { DocumentReply } from '../../lib/messages';
import { extensionApi } from './extension-api';
import { readDocumentReply } from './inbox';
import { HOST_TAG } from './own-nodes';
import { SR_LABEL_CLASS } from '../../lib/dom/sr-marks';

/** The engine's answer for part of a page, block by block, with the passage each block maps to. */
export interface PageAnswer {
  places: BlockPlace[];
  reply: DocumentReply;
}

/** How the text index reads a live page: computed style, our own UI left out. */
export function liveIndexOptions(doc: Document): CollectOptions {
  const view = doc.defaultView!;
  // Screen-reader mode's hidden words are not the page's text.
  return { skip: (el) => el.localName === HOST_TAG || el.classList.contains(SR_LABEL_CLASS), getStyle: (el) => view.getComputedStyle(el) };
}

export interface AnalysisHooks {
  /** False once the analysis is no longer wanted (checked between slices). */
  current(): boolean;
  /** Called once the context is indexed, before the message goes. */
  indexed?(): void;
}

/**
 * What to analyze: changed blocks, the blocks and headings the gate already
 * located, or (null) the whole page, located afresh.
 */
export type AnalysisTarget = { blocks: readonly Element[] } | { located: readonly Located[] } | null;

/**
 * Analyzes `target`. Resolves to null when given up or when no block needed
 * the engine; rejects when the extension API throws (an extension reloaded
 * under the page).
 */
export async function analyzePage(
  doc: Document,
  target: AnalysisTarget,
  options: CollectOptions,
  hooks: AnalysisHooks,
): Promise<PageAnswer | null> {
  await yieldToPage(); // a task of its own: the caller's (the gate's walk) took its slice
  const slicer = new TimeSlicer(8);
  const pause = async () => {
    await slicer.pause();
    return hooks.current();
  };
  const found = !target
    ? await locateCandidates(doc, pause)
    : 'located' in target
      ? target.located
      : locatedFromBlocks(doc, target.blocks);
  if (!found || !hooks.current()) return null;
  const page = await readPageDocument(doc, found, options, pause);
  if (!page || !hooks.current()) return null;
  hooks.indexed?.();
  if (page.input.blocks.length === 0) return null;
  const raw = await extensionApi().runtime.sendMessage({ type: 'analyze-document', document: page.input });
  const reply = readDocumentReply(raw, page.input.blocks.length);
  if (!reply || !hooks.current()) return null;
  return { places: page.places, reply };
}

export const hasClaims = (answer: PageAnswer | null): boolean => !!answer && answer.reply.claims.some((c) => c.length > 0);
