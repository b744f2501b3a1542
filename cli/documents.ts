// Files and folders to documents: which files to read (HTML by extension,
// searched recursively in folders; any other named file as plain text), and
// each document's title, date, passages and the engine's blocks.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DocumentBlock } from '../lib/contract';
import { splitLongBlocks } from '../lib/document-window';
import { htmlToDocument } from '../lib/html/passages';

export type DocumentKind = 'html' | 'text';

export interface Input {
  file: string;
  kind: DocumentKind;
}

export interface InputError {
  file: string;
  error: string;
}

export interface ScannedDocument {
  file: string;
  title: string | null;
  /** The page's own publication date (YYYY-MM-DD), or null. */
  date: string | null;
  passages: string[];
  /** The passages as the engine's blocks, with their kinds; `places` maps each back to its passage. */
  blocks: DocumentBlock[];
  places: Array<{ passage: number; start: number }>;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

export function kindOf(file: string): DocumentKind {
  return HTML_EXTENSIONS.has(extname(file).toLowerCase()) ? 'html' : 'text';
}

/** Expands the given paths: files as given, folders to their HTML files (recursively, sorted). */
export async function listInputs(paths: readonly string[]): Promise<Array<Input | InputError>> {
  const out: Array<Input | InputError> = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await collectHtml(path, out);
      else out.push({ file: path, kind: kindOf(path) });
    } catch (error) {
      out.push({ file: path, error: describeFsError(error) });
    }
  }
  return out;
}

async function collectHtml(folder: string, out: Array<Input | InputError>): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    out.push({ file: folder, error: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await collectHtml(path, out);
    else if (kindOf(entry.name) === 'html') out.push({ file: path, kind: 'html' });
  }
}

export async function readDocument(input: Input): Promise<ScannedDocument> {
  const content = await readFile(input.file, 'utf8');
  if (input.kind === 'html') return { file: input.file, ...htmlToDocument(content) };
  const passages = textPassages(content);
  const { blocks, origins } = splitLongBlocks(passages.map((text) => ({ text, kind: 'paragraph' as const })));
  return { file: input.file, title: null, date: null, passages, blocks, places: origins.map((o) => ({ passage: o.block, start: o.start })) };
}

/** Plain text to passages: paragraphs separated by blank lines. */
export function textPassages(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

export function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return message;
  }
}
