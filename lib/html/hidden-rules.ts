// Elements a page hides with its own stylesheet ("<p class=sr-note>" with
// ".sr-note { display: none }"), for hosts that have no CSS engine (the
// scanner reads HTML with linkedom). Only top-level rules with simple
// selectors are read: a class, an id, a tag, or a tag or classes together.
// Rules inside @media and the like are left alone: they hide only sometimes.

const HIDES = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const SIMPLE = /^([a-z][a-z0-9-]*)?((?:[.#][\w-]+)*)$/i;

interface Simple {
  tag: string | null;
  ids: string[];
  classes: string[];
}

/** Top-level `selector { declarations }` pairs of a stylesheet, skipping at-rule blocks. */
function topLevelRules(css: string): { selector: string; body: string }[] {
  const out: { selector: string; body: string }[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  let selector = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) {
        selector = text.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        if (!selector.startsWith('@')) out.push({ selector, body: text.slice(start, i) });
        start = i + 1;
      }
    }
  }
  return out;
}

function parseSimple(selector: string): Simple | null {
  const m = selector.trim().match(SIMPLE);
  if (!m || (!m[1] && !m[2])) return null;
  const parts = m[2]!.match(/[.#][\w-]+/g) ?? [];
  return {
    tag: m[1] ? m[1].toLowerCase() : null,
    ids: parts.filter((p) => p.startsWith('#')).map((p) => p.slice(1)),
    classes: parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1)),
  };
}

function matches(el: Element, s: Simple): boolean {
  if (s.tag && (el.localName || el.tagName).toLowerCase() !== s.tag) return false;
  if (s.ids.some((id) => el.id !== id)) return false;
  return s.classes.every((c) => el.classList?.contains(c));
}

/** A `skip` predicate for the text index: true for elements the page's stylesheets hide. */
export function hiddenByStylesheets(document: Document): ((el: Element) => boolean) | undefined {
  const rules: Simple[] = [];
  for (const style of Array.from(document.querySelectorAll('style'))) {
    for (const { selector, body } of topLevelRules(style.textContent ?? '')) {
      if (!HIDES.test(body)) continue;
      for (const part of selector.split(',')) {
        const simple = parseSimple(part);
        // A bare tag ("div { display: none }") is too blunt to trust.
        if (simple && (simple.ids.length || simple.classes.length)) rules.push(simple);
      }
    }
  }
  if (!rules.length) return undefined;
  return (el) => rules.some((r) => matches(el, r));
}
