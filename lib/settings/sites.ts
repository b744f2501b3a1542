// Which sites Metric Lens runs on. A site pattern is an exact host
// ("news.example.com", "127.0.0.1") or a wildcard "*.example.com", which covers
// example.com itself and every subdomain (as browser match patterns do).
// Pure: strings in, strings out; used by the content script, popup and options.
import type { Settings } from './schema';

export type SitePatternResult = { ok: true; pattern: string } | { ok: false; error: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** Lowercases a hostname and drops a trailing dot, so "Example.COM." and "example.com" compare equal. */
export function normalizeHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

function isValidHost(host: string, wildcard: boolean): boolean {
  if (host.length === 0 || host.length > 253) return false;
  if (IPV4.test(host) || IPV6.test(host)) return !wildcard;
  return host.split('.').every((label) => LABEL.test(label));
}

/**
 * Turns what a person typed ("Example.com", "*.example.com", a pasted URL) into
 * a stored pattern, or says why it cannot be one. Paths and ports are dropped:
 * Metric Lens is switched off per host.
 */
export function parseSitePattern(input: string): SitePatternResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'Type a host name, such as example.com or *.example.com.' };
  if (text.length > 300) return { ok: false, error: 'That is too long for a host name.' };
  if (/\s/.test(text)) return { ok: false, error: 'A host name has no spaces.' };

  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  if (rest.includes('*')) {
    return { ok: false, error: 'A * is allowed only at the very start, as in *.example.com.' };
  }

  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(rest) ? rest : `http://${rest}`);
  } catch {
    return {
      ok: false,
      error: wildcard
        ? `“${input.trim()}” is not a valid wildcard: use *. followed by a domain name.`
        : `“${input.trim()}” is not a host name.`,
    };
  }
  if (url.username || url.password) return { ok: false, error: 'Leave out the user name (the part before @).' };
  if (!/^https?:$/.test(url.protocol)) return { ok: false, error: 'Only web sites (http or https) can be listed.' };

  const host = normalizeHostname(url.hostname);
  if (!isValidHost(host, wildcard)) {
    return {
      ok: false,
      error: wildcard
        ? `“${input.trim()}” is not a valid wildcard: use *. followed by a domain name.`
        : `“${input.trim()}” is not a valid host name.`,
    };
  }
  return { ok: true, pattern: wildcard ? `*.${host}` : host };
}

/** True for a pattern exactly as `parseSitePattern` would store it. */
export function isSitePattern(value: string): boolean {
  const parsed = parseSitePattern(value);
  return parsed.ok && parsed.pattern === value;
}

/** Does `pattern` (already parsed) cover `hostname`? */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = normalizeHostname(hostname);
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return host === pattern;
}

/** The stored patterns that switch Metric Lens off on `hostname`. */
export function patternsMatching(patterns: readonly string[], hostname: string): string[] {
  return patterns.filter((pattern) => hostMatches(pattern, hostname));
}

/** Should Metric Lens annotate pages on `hostname`? */
export function isSiteEnabled(
  settings: Pick<Settings, 'enabled' | 'disabledSites'>,
  hostname: string,
): boolean {
  return settings.enabled && patternsMatching(settings.disabledSites, hostname).length === 0;
}

/**
 * Switches one host on or off. Off adds the exact host; on removes every
 * pattern that covers it (a wildcard included: the person asked for this site).
 */
export function withSiteEnabled<T extends Pick<Settings, 'disabledSites'>>(
  settings: T,
  hostname: string,
  enabled: boolean,
): T {
  const host = normalizeHostname(hostname);
  const others = settings.disabledSites.filter((pattern) => !hostMatches(pattern, host));
  if (enabled) return { ...settings, disabledSites: others };
  const parsed = parseSitePattern(host);
  if (!parsed.ok || others.length < settings.disabledSites.length) return settings; // already off
  return { ...settings, disabledSites: [...settings.disabledSites, parsed.pattern] };
}
