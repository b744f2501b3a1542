// @vitest-environment happy-dom
// The page's own date: the strings pages carry it in, read to a calendar day;
// where a page names it, in order of how explicit the place is; the scanner
// (linkedom) reads the same.
import { expect, test } from 'vitest';
import { readPageDate } from '../../lib/dom/page-date';
import { htmlToDocument } from '../../lib/html/passages';
import { dayFromUrl, dayOf, jsonLdDatePublished } from '../../lib/page-date';

test('date strings to the day they name, as written', () => {
  expect(dayOf('2026-03-04')).toBe('2026-03-04');
  expect(dayOf('2026-03-04T23:30:00-08:00')).toBe('2026-03-04'); // the offset does not move the day
  expect(dayOf(' 2026-03-04 10:00 ')).toBe('2026-03-04');
  expect(dayOf('20260304T101500Z')).toBe('2026-03-04');
  expect(dayOf('Wed, 04 Mar 2026 10:00:00 GMT')).toBe('2026-03-04');
  expect(dayOf('4 March 2026')).toBe('2026-03-04');
  expect(dayOf('March 4, 2026')).toBe('2026-03-04');
  for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '1850-01-01', '04/03/2026', null, undefined]) {
    expect(dayOf(bad)).toBeNull();
  }
});

test('JSON-LD: datePublished at the top, in an array, in an @graph', () => {
  expect(jsonLdDatePublished({ '@type': 'NewsArticle', datePublished: '2025-11-02T08:00:00Z' })).toBe('2025-11-02');
  expect(jsonLdDatePublished([{ '@type': 'Organization' }, { datePublished: '2025-11-03' }])).toBe('2025-11-03');
  expect(jsonLdDatePublished({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Article', datePublished: '2025-11-04' }] })).toBe('2025-11-04');
  expect(jsonLdDatePublished({ dateModified: '2025-11-05' })).toBeNull();
});

const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

const CASES: Array<[string, string, string | null]> = [
  ['meta article:published_time first', page('<meta property="article:published_time" content="2024-05-06T12:00:00+02:00"><script type="application/ld+json">{"datePublished":"2020-01-01"}</script>'), '2024-05-06'],
  ['og:article:published_time', page('<meta property="og:article:published_time" content="2024-05-07">'), '2024-05-07'],
  ['itemprop datePublished', page('', '<span itemprop="datePublished" content="2024-05-08">May 8</span>'), '2024-05-08'],
  ['the first time in the article', page('', '<header><time datetime="2019-01-01">old</time></header><article><time datetime="2024-05-09T09:00">May 9</time><time datetime="2024-06-01">later</time></article>'), '2024-05-09'],
  ['JSON-LD, a broken block skipped', page('<script type="application/ld+json">{not json</script><script type="application/ld+json">{"@graph":[{"datePublished":"2024-05-10"}]}</script>'), '2024-05-10'],
  ['an unreadable meta falls through to the next source', page('<meta property="article:published_time" content="soon">', '<article><time datetime="2024-05-11">x</time></article>'), '2024-05-11'],
  ['nothing', page('<title>No date</title>', '<p>Text</p>'), null],
];

test.each(CASES)('%s: the page and the scanner read the same day', (_name, html, expected) => {
  document.documentElement.innerHTML = html.replace(/^<!doctype html><html>|<\/html>$/g, '');
  expect(readPageDate(document)).toBe(expected);
  expect(htmlToDocument(html).date).toBe(expected);
});

test('a news address dates the page where its metadata does not: year, month and day, or year and month', () => {
  expect(dayFromUrl('https://news.example/politics/2019/07/08/border-story/')).toBe('2019-07-08');
  expect(dayFromUrl('https://paper.example/news/2003/mar/14/story-slug/')).toBe('2003-03-14');
  expect(dayFromUrl('https://blog.example/2024/11/some-post')).toBe('2024-11-01');
  for (const bad of ['https://shop.example/item/2024/13/05/', 'https://x.example/2024/02/30/', 'https://x.example/a/b', 'not a url', null]) {
    expect(dayFromUrl(bad)).toBeNull();
  }
  // The page's own metadata first, then its canonical address, then the document's.
  expect(htmlToDocument(page('<link rel="canonical" href="https://news.example/2021/06/02/story">')).date).toBe('2021-06-02');
  expect(htmlToDocument(page('<meta property="og:url" content="https://news.example/2021/06/03/story">')).date).toBe('2021-06-03');
  const both = page('<meta property="article:published_time" content="2021-06-05"><link rel="canonical" href="https://news.example/2021/06/02/story">');
  expect(htmlToDocument(both).date).toBe('2021-06-05');
});
