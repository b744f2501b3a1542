// The allowlist of hosts that figures and caveat sources may cite (rules/hosts.json),
// validated when this module loads. Only the knowledge-base lint needs it, so the
// extension's bundles, which import rules/index.ts, do not carry it.
import rawHosts from './hosts.json';
import { parseRuleFile } from './load';
import { HostList, type HostEntry } from './schema';

export const HOSTS_PATH = 'rules/hosts.json';

/** Validates the host allowlist and rejects a host listed twice. */
export function parseHostList(data: unknown, path = HOSTS_PATH): HostList {
  const list = parseRuleFile(HostList, data, path);
  const seen = new Set<string>();
  for (const [i, entry] of list.hosts.entries()) {
    if (seen.has(entry.host)) throw new Error(`${path}: hosts[${i}] repeats host "${entry.host}"`);
    seen.add(entry.host);
  }
  return list;
}

export const HOSTS: HostList = parseHostList(rawHosts);

const HOST_BY_NAME: ReadonlyMap<string, HostEntry> = new Map(HOSTS.hosts.map((h) => [h.host, h]));

/** The allowlist entry for a URL's host, or null when the host is not allowed (or the URL does not parse). */
export function hostEntryOf(url: string): HostEntry | null {
  try {
    return HOST_BY_NAME.get(new URL(url).hostname) ?? null;
  } catch {
    return null;
  }
}
