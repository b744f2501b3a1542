// The page's own publication date, for relative periods ("last year"): the
// publisher's metadata, read once. Nothing is guessed from the text.
const SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]',
  'article time[datetime]',
  'time[pubdate][datetime]',
];

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** YYYY-MM-DD of the page's publication, or undefined where the page does not say. */
export function readPageDate(doc: Document): string | undefined {
  for (const selector of SELECTORS) {
    const el = doc.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('datetime');
    const day = value?.trim().match(ISO_DAY)?.[1];
    if (day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return day;
  }
  return undefined;
}
