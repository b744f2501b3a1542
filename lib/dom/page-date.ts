// The page's own publication date, read from where publishers put it, most
// explicit first: <meta property="article:published_time"> (and its og:
// spelling), an itemprop="datePublished", the first <time datetime> in the
// article, JSON-LD datePublished; failing those, the date path of its
// address. Standard DOM only (querySelector), so the scanner reads HTML files
// with linkedom the same way.
import { dayFromUrl, dayOf, jsonLdDatePublished } from '../page-date';

/** The <meta> names (property= or name=) that carry the publication time. */
const META_NAMES = ['article:published_time', 'og:article:published_time'];

/** JSON-LD blocks read at most (a page with hundreds is not worth the parse). */
const MAX_JSON_LD = 8;
const MAX_JSON_LD_CHARS = 200_000;

function fromItemprop(doc: Document): string | null {
  const element = doc.querySelector('[itemprop="datePublished"]');
  if (!element) return null;
  return dayOf(element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent);
}

function fromArticleTime(doc: Document): string | null {
  const times = doc.getElementsByTagName('time');
  for (const container of ['article', 'main']) {
    for (let i = 0; i < times.length; i++) {
      const time = times[i]!;
      if (time.hasAttribute('datetime') && time.closest(container)) return dayOf(time.getAttribute('datetime'));
    }
  }
  return null;
}

// Tag-name collections, not attribute selectors: each selector would be a walk over the whole page.
function fromMeta(doc: Document): string | null {
  const metas = doc.getElementsByTagName('meta');
  for (const name of META_NAMES) {
    for (let i = 0; i < metas.length; i++) {
      const meta = metas[i]!;
      if (meta.getAttribute('property') !== name && meta.getAttribute('name') !== name) continue;
      const found = dayOf(meta.getAttribute('content'));
      if (found) return found;
    }
  }
  return null;
}

function fromJsonLd(doc: Document): string | null {
  const scripts = doc.getElementsByTagName('script');
  let read = 0;
  for (let i = 0; i < scripts.length && read < MAX_JSON_LD; i++) {
    if (scripts[i]!.getAttribute('type') !== 'application/ld+json') continue;
    read++;
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

/** The page's address as the publisher gives it (canonical link, og:url), else the document's own. */
function fromAddress(doc: Document): string | null {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    if ((links[i]!.getAttribute('rel') ?? '').toLowerCase() === 'canonical') {
      const found = dayFromUrl(links[i]!.getAttribute('href'));
      if (found) return found;
    }
  }
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    if (metas[i]!.getAttribute('property') !== 'og:url') continue;
    const found = dayFromUrl(metas[i]!.getAttribute('content'));
    if (found) return found;
  }
  return dayFromUrl(doc.URL);
}

/** The page's publication day (YYYY-MM-DD), or null when it names none that reads as a date. */
export function readPageDate(doc: Document): string | null {
  return fromMeta(doc) ?? fromItemprop(doc) ?? fromArticleTime(doc) ?? fromJsonLd(doc) ?? fromAddress(doc);
}
