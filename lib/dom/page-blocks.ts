// Passages of the text index to the engine's document blocks: each passage
// with its kind, over-long ones cut into pieces, and for every block the
// passage and offset it maps back to. The scanner (an HTML file read with
// linkedom) and the content script (a live page) build their blocks here.
import type { DocumentBlock } from '../contract';
import { splitLongBlocks } from '../document-window';
import { blockKindOf } from './block-kind';
import type { TextPassage } from './text-index';

/** Where a block's text lies: in `passage`, from offset `start`. */
export interface BlockPlace<P = TextPassage> {
  passage: P;
  start: number;
}

export function passageBlocks<P extends Pick<TextPassage, 'text' | 'block'>>(
  passages: readonly P[],
): { blocks: DocumentBlock[]; places: BlockPlace<P>[] } {
  const whole: DocumentBlock[] = passages.map((p) => ({ text: p.text, ...blockKindOf(p.block) }));
  const { blocks, origins } = splitLongBlocks(whole);
  return { blocks, places: origins.map((o) => ({ passage: passages[o.block]!, start: o.start })) };
}
