// The page's own publication date, read from where publishers put it, most
// explicit first: <meta property="article:published_time"> (and its og:
// spelling), an itemprop="datePublished", the first <time datetime> in the
// article, JSON-LD datePublished. Standard DOM only (querySelector), so the
// scanner reads HTML files with linkedom the same way.
import { dayOf, jsonLdDatePublished } from '../page-date';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[name="og:article:published_time"]',
];

/** JSON-LD blocks read at most (a page with hundreds is not worth the parse). */
const MAX_JSON_LD = 8;
const MAX_JSON_LD_CHARS = 200_000;

function fromItemprop(doc: Document): string | null {
  const element = doc.querySelector('[itemprop="datePublished"]');
  if (!element) return null;
  return dayOf(element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent);
}

function fromArticleTime(doc: Document): string | null {
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('main time[datetime]');
  return time ? dayOf(time.getAttribute('datetime')) : null;
}

function fromJsonLd(doc: Document): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS || !text.includes('datePublished')) continue;
    try {
      const found = jsonLdDatePublished(JSON.parse(text));
      if (found) return found;
    } catch {
      // A malformed block is the page's problem: try the next.
    }
  }
  return null;
}

/** The page's publication day (YYYY-MM-DD), or null when it names none that reads as a date. */
export function readPageDate(doc: Document): string | null {
  for (const selector of META_SELECTORS) {
    const found = dayOf(doc.querySelector(selector)?.getAttribute('content'));
    if (found) return found;
  }
  return fromItemprop(doc) ?? fromArticleTime(doc) ?? fromJsonLd(doc);
}
