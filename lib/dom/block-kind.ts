// What kind of block a passage of text is (heading, paragraph, list item,
// caption, quote), from its element and the elements around it. Tag names
// only, standard DOM: the page and the scanner (linkedom) read kinds alike.
import type { BlockKind } from '../contract';

const HEADING = /^h([1-6])$/;

const ENCLOSING: Record<string, BlockKind> = {
  li: 'list-item',
  dd: 'list-item',
  dt: 'list-item',
  blockquote: 'quote',
  figcaption: 'caption',
  caption: 'caption',
};

/** How far up an enclosing list item, quote or caption is looked for. */
const MAX_CLIMB = 6;

export function blockKindOf(node: Node): { kind: BlockKind; level?: number } {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return { kind: 'other' };
  const tag = element.localName;
  const heading = HEADING.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  let up: Element | null = element;
  for (let i = 0; up && i < MAX_CLIMB; i++, up = up.parentElement) {
    const kind = ENCLOSING[up.localName];
    if (kind) return { kind };
    if (up.localName === 'body' || up.localName === 'article') break;
  }
  return { kind: tag === 'p' ? 'paragraph' : 'other' };
}
