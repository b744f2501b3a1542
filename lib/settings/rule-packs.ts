// Checks a rule pack a person imports (JSON text) before anything is stored.
// Cheap limits come first (size, nesting depth, forbidden keys), so a hostile
// file is turned away before it is parsed deeply; then the RulePack schema from
// rules/schema.ts, with errors that name the path ("metricCues[3].terms[0]: …").
// Pure: text in, a verdict out. The active rules are never touched here.
import type { z } from 'zod';
import { RulePack } from '../../rules/schema';
import { LIST_LIMITS, type Settings, type StoredRulePack } from './schema';

export const MAX_PACK_BYTES = 256 * 1024;
/** A real pack nests four levels deep (pack → figures → entry → figure). */
export const MAX_PACK_DEPTH = 8;
const MAX_ERRORS = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type PackResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

const fail = (...errors: string[]): PackResult => ({ ok: false, errors });

/** UTF-8 size without encoding strings that are obviously too long. */
function tooLarge(text: string): boolean {
  if (text.length > MAX_PACK_BYTES) return true; // every UTF-16 unit is at least one byte
  return new TextEncoder().encode(text).length > MAX_PACK_BYTES;
}

/** How deeply arrays and objects nest, counted on the raw text (strings skipped). */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

type Path = readonly PropertyKey[];

/** `metricCues[3].terms[0]`; the root is "pack". */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'pack' : out;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Paths of keys that could reach an object's prototype if the data were ever merged carelessly. */
function forbiddenKeys(value: unknown, path: PropertyKey[] = [], found: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => forbiddenKeys(item, [...path, i], found));
    return found;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) found.push(`${formatPath([...path, key])}: the key "${key}" is not allowed`);
    else forbiddenKeys((value as Record<string, unknown>)[key], [...path, key], found);
  }
  return found;
}

function issueMessages(issue: z.core.$ZodIssue, input: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field`);
  }
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return [`${formatPath(issue.path)}: required`];
  }
  // zod's "Invalid input: expected string, received number" reads better without its prefix.
  const message = issue.message.replace(/^Invalid (?:input|option): /, '');
  return [`${formatPath(issue.path)}: ${message}`];
}

/** Checks the schema cannot express: web links only, distinct ids, sensible ranges, something inside. */
function meaningErrors(pack: RulePack): string[] {
  const errors: string[] = [];
  pack.figures?.forEach(({ figure }, i) => {
    if (!/^https?:\/\//i.test(figure.url)) errors.push(`figures[${i}].figure.url: must start with https:// or http://`);
  });
  pack.anchors?.forEach((anchor, i) => {
    if (anchor.low > anchor.high) errors.push(`anchors[${i}].low: is greater than high (${anchor.high})`);
  });
  const lists = ['topics', 'nouns', 'predicates', 'metricCues', 'negatives', 'anchors'] as const;
  for (const list of lists) {
    const seen = new Set<string>();
    pack[list]?.forEach((rule, i) => {
      if (seen.has(rule.id)) errors.push(`${list}[${i}].id: "${rule.id}" is used twice`);
      seen.add(rule.id);
    });
  }
  const figureIds = new Set<string>();
  pack.figures?.forEach(({ figure }, i) => {
    if (figureIds.has(figure.id)) errors.push(`figures[${i}].figure.id: "${figure.id}" is used twice`);
    figureIds.add(figure.id);
  });
  const size = [...lists, 'figures' as const].reduce((n, list) => n + (pack[list]?.length ?? 0), 0);
  if (size === 0) errors.push('pack: holds no rules or figures (add topics, nouns, predicates, metricCues, negatives, anchors or figures)');
  return errors;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`];
}

/** Validates the text of a rule pack file. */
export function parseRulePack(input: string): PackResult {
  if (typeof input !== 'string') return fail('pack: expected the text of a JSON file');
  const text = input.replace(/^\uFEFF/, '');
  if (tooLarge(text)) return fail(`pack: larger than the ${MAX_PACK_BYTES / 1024} kB limit for rule packs`);
  if (text.trim() === '') return fail('pack: the file is empty');
  if (nestingDepth(text, MAX_PACK_DEPTH) > MAX_PACK_DEPTH) {
    return fail(`pack: nested more than ${MAX_PACK_DEPTH} levels deep; a rule pack needs at most 4`);
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`pack: not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('pack: expected a JSON object with a "name" and lists of rules');
  }

  const forbidden = forbiddenKeys(data);
  if (forbidden.length > 0) return fail(...capped(forbidden));

  const parsed = RulePack.safeParse(data);
  if (!parsed.success) return fail(...capped(parsed.error.issues.flatMap((issue) => issueMessages(issue, data))));

  const meaning = meaningErrors(parsed.data);
  if (meaning.length > 0) return fail(...capped(meaning));
  return { ok: true, pack: parsed.data };
}

/** A stable id from the pack's name: importing a pack of the same name replaces it. */
export function rulePackId(pack: RulePack): string {
  const slug = pack.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'pack' : slug;
}

export type AddPackResult =
  | { ok: true; settings: Settings; replaced: boolean }
  | { ok: false; error: string };

/** Adds (or replaces, by name) a validated pack, switched on. */
export function withRulePack(settings: Settings, pack: RulePack, importedAt: Date): AddPackResult {
  const id = rulePackId(pack);
  const stored: StoredRulePack = { id, enabled: true, importedAt: importedAt.toISOString(), pack };
  const replaced = settings.rulePacks.some((p) => p.id === id);
  if (!replaced && settings.rulePacks.length >= LIST_LIMITS.rulePacks) {
    return { ok: false, error: `At most ${LIST_LIMITS.rulePacks} rule packs can be kept; remove one first.` };
  }
  const rulePacks = replaced
    ? settings.rulePacks.map((p) => (p.id === id ? stored : p))
    : [...settings.rulePacks, stored];
  return { ok: true, settings: { ...settings, rulePacks }, replaced };
}

export function withRulePackEnabled(settings: Settings, id: string, enabled: boolean): Settings {
  return { ...settings, rulePacks: settings.rulePacks.map((p) => (p.id === id ? { ...p, enabled } : p)) };
}

export function withoutRulePack(settings: Settings, id: string): Settings {
  return { ...settings, rulePacks: settings.rulePacks.filter((p) => p.id !== id) };
}
