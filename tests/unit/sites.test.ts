import { describe, expect, test } from 'vitest';
import {
  hostMatches,
  isSitePattern,
  isSiteEnabled,
  parseSitePattern,
  patternsMatching,
  withSiteEnabled,
} from '../../lib/settings/sites';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

describe('parseSitePattern', () => {
  test.each([
    ['example.com', 'example.com'],
    ['  News.Example.COM.  ', 'news.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://www.example.com/world/article?id=3#top', 'www.example.com'],
    ['example.com/news', 'example.com'],
    ['localhost:8080', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['[::1]', '[::1]'],
  ])('%j is stored as %j', (input, pattern) => {
    expect(parseSitePattern(input)).toEqual({ ok: true, pattern });
  });

  test.each([
    ['', /Type a host name/],
    ['   ', /Type a host name/],
    ['*', /not a valid wildcard|not a host name|only at the very start/],
    ['*.', /not a valid wildcard/],
    ['example.*', /only at the very start/],
    ['*.*.example.com', /only at the very start/],
    ['ex*ample.com', /only at the very start/],
    ['exa mple.com', /no spaces/],
    ['-bad-.example.com', /not a valid host name/],
    ['ftp://example.com', /Only web sites/],
    ['user@example.com', /user name/],
    ['*.127.0.0.1', /not a valid wildcard/],
    ['a..b', /not a (valid )?host name/],
    [`${'a'.repeat(64)}.com`, /not a valid host name/],
    ['x'.repeat(400), /too long/],
  ])('%j is refused', (input, message) => {
    const parsed = parseSitePattern(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  test('isSitePattern accepts only patterns in their stored form', () => {
    expect(isSitePattern('example.com')).toBe(true);
    expect(isSitePattern('*.example.com')).toBe(true);
    expect(isSitePattern('Example.com')).toBe(false);
    expect(isSitePattern('https://example.com')).toBe(false);
    expect(isSitePattern('not a host')).toBe(false);
  });
});

describe('hostMatches', () => {
  test('an exact host matches only itself, in any case, with or without a trailing dot', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'EXAMPLE.com.')).toBe(true);
    expect(hostMatches('example.com', 'www.example.com')).toBe(false);
    expect(hostMatches('www.example.com', 'example.com')).toBe(false);
  });

  test('a wildcard matches the domain and every subdomain, and nothing that only ends alike', () => {
    expect(hostMatches('*.example.com', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com.evil.net')).toBe(false);
  });

  test('patternsMatching lists every pattern that covers a host', () => {
    const patterns = ['example.com', '*.example.com', 'other.org', 'news.example.com'];
    expect(patternsMatching(patterns, 'news.example.com')).toEqual(['*.example.com', 'news.example.com']);
    expect(patternsMatching(patterns, 'other.org')).toEqual(['other.org']);
    expect(patternsMatching(patterns, 'example.net')).toEqual([]);
  });
});

describe('isSiteEnabled', () => {
  const settings = { ...DEFAULT_SETTINGS, disabledSites: ['*.example.com', 'blog.test.org'] };

  test('follows the list of sites switched off', () => {
    expect(isSiteEnabled(settings, 'example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'blog.test.org')).toBe(false);
    expect(isSiteEnabled(settings, 'test.org')).toBe(true);
    expect(isSiteEnabled(settings, 'example.org')).toBe(true);
  });

  test('the global switch turns every site off', () => {
    expect(isSiteEnabled({ ...settings, enabled: false }, 'example.org')).toBe(false);
  });
});

describe('withSiteEnabled', () => {
  test('switching a site off adds its exact host once', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'News.Example.com', false);
    expect(off.disabledSites).toEqual(['news.example.com']);
    expect(withSiteEnabled(off, 'news.example.com', false)).toBe(off);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]); // not mutated
  });

  test('switching a site on removes every pattern that covers it, and only those', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['*.example.com', 'news.example.com', 'other.org'] };
    const on = withSiteEnabled(settings, 'news.example.com', true);
    expect(on.disabledSites).toEqual(['other.org']);
    expect(isSiteEnabled(on, 'news.example.com')).toBe(true);
  });

  test('a host already covered by a wildcard is not added again', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['*.example.com'] };
    expect(withSiteEnabled(settings, 'news.example.com', false).disabledSites).toEqual(['*.example.com']);
  });
});
