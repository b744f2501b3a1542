// The scanner as a program: spawned with tsx on temporary files and standard
// input, judged by its output lines, standard error and exit code.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Claim } from '../../lib/contract';
import { htmlToPassages } from '../../lib/html/passages';
import { describeWithShared, sharedFile } from '../shared-data';

const ROOT = resolve(import.meta.dirname, '../..');
// Our own labelled sentences feed the format checks; the shared development set, where it is, the offsets check.
const OWN_SET = join(ROOT, 'tests/data/labelled.jsonl');
const DEV_SET = sharedFile('eval/dev.jsonl');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runScan(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/scan.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function outputLines(run: Run): unknown[] {
  expect(run.stdout.endsWith('\n')).toBe(true);
  return run.stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
}

/** Every claim is a contract Claim whose text is exactly its slice of the input. */
function expectValidClaims(claims: unknown, input: string): void {
  expect(Array.isArray(claims)).toBe(true);
  for (const raw of claims as unknown[]) {
    const claim = Claim.parse(raw);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(input.slice(claim.start, claim.end)).toBe(claim.text);
  }
}

let dir: string;
type TextRecord = { id: string; text: string; is_claim?: boolean };
const readRecords = (file: string): TextRecord[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TextRecord);
const ownRecords = readRecords(OWN_SET);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'metric-lens-scan-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('--jsonl (the claims contract)', () => {
  test('one line per input line, ids and order kept, bad lines answered with errors and a non-zero exit', async () => {
    const good = ownRecords.slice(0, 30).map((r) => ({ id: r.id, text: r.text }));
    const lines = good.map((r) => JSON.stringify(r));
    // Bad lines at known places: not JSON, no text, text not a string, a blank line, no id, an array.
    lines.splice(3, 0, '{"id": "broken", "text": ');
    lines.splice(10, 0, JSON.stringify({ id: 'no-text' }));
    lines.splice(17, 0, JSON.stringify({ id: 'number-text', text: 42 }));
    lines.splice(20, 0, '');
    lines.splice(25, 0, JSON.stringify({ text: 'An id is missing here.' }));
    lines.splice(30, 0, '[1, 2]');
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');

    const run = await runScan(['--jsonl', file]);
    expect(run.code).not.toBe(0);
    const out = outputLines(run) as Array<{ id: unknown; claims?: unknown; error?: unknown }>;
    expect(out).toHaveLength(lines.length);

    const expectedErrors = new Map<number, unknown>([
      [3, null],
      [10, 'no-text'],
      [17, 'number-text'],
      [20, null],
      [25, null],
      [30, null],
    ]);
    let next = 0;
    out.forEach((line, i) => {
      if (expectedErrors.has(i)) {
        expect(line.id).toBe(expectedErrors.get(i));
        expect(typeof line.error).toBe('string');
        expect(line.claims).toBeUndefined();
        return;
      }
      const record = good[next++]!;
      expect(line.id).toBe(record.id);
      expect(line.error).toBeUndefined();
      expectValidClaims(line.claims, record.text);
    });
    expect(next).toBe(good.length);
    // One message per bad line on standard error, naming its line number.
    for (const i of expectedErrors.keys()) expect(run.stderr).toContain(`line ${i + 1}`);
    expect(run.stderr).toContain('blank line');
  });

  test('reads standard input; all good lines exit 0; CRLF and a missing final newline are fine', async () => {
    const records = ownRecords.slice(0, 20).map((r) => ({ id: r.id, text: r.text }));
    const input = records.map((r) => JSON.stringify(r)).join('\r\n');
    for (const args of [['--jsonl'], ['--jsonl', '-'], ['--jsonl', '--sensitivity', 'strict'], ['--jsonl', '--sensitivity=broad']]) {
      const run = await runScan(args, input);
      expect(run.code, run.stderr).toBe(0);
      const out = outputLines(run) as Array<{ id: string; claims: unknown }>;
      expect(out.map((line) => line.id)).toEqual(records.map((r) => r.id));
      out.forEach((line, i) => expectValidClaims(line.claims, records[i]!.text));
    }
  });

  describeWithShared('the shared development set', ['eval/dev.jsonl'], () => {
    const devRecords = readRecords(DEV_SET);
    test('every claim on the dev set is a valid Claim at its exact offsets, at every sensitivity', async () => {
      const input = devRecords.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n');
      let claims = 0;
      for (const sensitivity of ['strict', 'balanced', 'broad']) {
        const run = await runScan(['--jsonl', '--sensitivity', sensitivity], input);
        expect(run.code, run.stderr).toBe(0);
        const out = outputLines(run) as Array<{ id: string; claims: unknown[] }>;
        expect(out).toHaveLength(devRecords.length);
        out.forEach((line, i) => {
          expect(line.id).toBe(devRecords[i]!.id);
          expectValidClaims(line.claims, devRecords[i]!.text);
          claims += line.claims.length;
        });
      }
      // Only meaningful once the engine finds claims: a labelled dev set with
      // claims in it yields some.
      expect(claims).toBeGreaterThan(0);
    });
  });

  test('ids keep their JSON type; an unknown sensitivity is a usage error with nothing on stdout', async () => {
    const run = await runScan(['--jsonl'], '{"id": 7, "text": "No numbers."}\n{"id": "7", "text": "Still none."}\n');
    expect(run.code).toBe(0);
    expect(outputLines(run)).toEqual([
      { id: 7, claims: [] },
      { id: '7', claims: [] },
    ]);
    const bad = await runScan(['--jsonl', '--sensitivity', 'loud'], '{"id": "a", "text": "x"}\n');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('loud');
  });

  test('a reader that goes away early (… | head) ends the run quietly', async () => {
    const line = JSON.stringify({ id: 'x', text: 'The weather was mild on 12 days in March.' });
    const input = (line + '\n').repeat(100_000);
    const result = await new Promise<{ code: number | null; stderr: string; got: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'cli/scan.ts', '--jsonl'], { cwd: ROOT });
      let stderr = '';
      let got = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
        got = chunk;
        child.stdout.destroy();
      });
      child.stdin.on('error', () => {}); // the child may stop reading before all input is written
      child.stdin.end(input);
      child.on('close', (code) => done({ code, stderr, got }));
    });
    expect(result.got.startsWith('{"id":"x","claims":')).toBe(true);
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
    expect(result.code).toBe(0);
  });
});

describe('HTML, folders and plain text', () => {
  const CLAIM = 'HHS lost track of 85,000 migrant children who were released to sponsors.';

  function page(body: string, title = 'A page'): string {
    return `<!doctype html><html><head><title>${title}</title><style>p::after{content:"${CLAIM}"}</style></head><body>${body}</body></html>`;
  }

  const HIDDEN_ONLY = page(`
    <p>An ordinary opening paragraph about the weather.</p>
    <script>var text = "${CLAIM}";</script>
    <noscript>${CLAIM}</noscript>
    <template><p>${CLAIM}</p></template>
    <p hidden>${CLAIM}</p>
    <div aria-hidden="true"><p>${CLAIM}</p></div>
    <p style="color: red; display: none">${CLAIM}</p>
    <div style="visibility:hidden"><span>${CLAIM}</span></div>
    <p>A closing paragraph with no figures.</p>`);

  test('script, style, noscript, template and hidden content never become passages', () => {
    const { title, passages } = htmlToPassages(HIDDEN_ONLY);
    expect(title).toBe('A page');
    expect(passages).toEqual([
      'An ordinary opening paragraph about the weather.',
      'A closing paragraph with no figures.',
    ]);
  });

  test('inline elements join their block; blocks are separate passages', () => {
    const { passages } = htmlToPassages(
      page('<p>HHS lost track of <b>85</b>,000 <a href="#">migrant   children</a>.</p><div>Second <em>block</em></div>'),
    );
    expect(passages).toEqual(['HHS lost track of 85,000 migrant children.', 'Second block']);
  });

  test('hidden claims are not reported; the same claim visible is', async () => {
    const hidden = join(dir, 'hidden.html');
    const visible = join(dir, 'visible.html');
    writeFileSync(hidden, HIDDEN_ONLY);
    writeFileSync(visible, page(`<p>${CLAIM}</p>`, 'Visible'));
    const run = await runScan(['--json', hidden, visible]);
    expect(run.code, run.stderr).toBe(0);
    const [h, v] = outputLines(run) as Array<{ file: string; title: string; claims: Array<{ passageText: string }> }>;
    expect(h!.file).toBe(hidden);
    expect(h!.claims).toEqual([]);
    expect(v!.title).toBe('Visible');
    expect(v!.claims.length).toBeGreaterThan(0);
    for (const claim of v!.claims) expectValidClaims([claim], claim.passageText);
  });

  test('a folder is searched recursively; an unreadable file is reported and the run goes on', async () => {
    const folder = join(dir, 'site');
    mkdirSync(join(folder, 'news', 'deep'), { recursive: true });
    writeFileSync(join(folder, 'a.html'), page('<p>First page.</p>', 'First'));
    writeFileSync(join(folder, 'news', 'deep', 'c.htm'), page(`<p>${CLAIM}</p>`, 'Third'));
    writeFileSync(join(folder, 'notes.md'), CLAIM); // not HTML: skipped inside a folder
    symlinkSync(join(folder, 'gone.html'), join(folder, 'b.html')); // points nowhere: unreadable

    const json = await runScan(['--json', folder]);
    expect(json.code).toBe(1);
    const docs = outputLines(json) as Array<{ file: string; title?: string; error?: string; claims?: unknown[] }>;
    expect(docs.map((d) => d.file)).toEqual([
      join(folder, 'a.html'),
      join(folder, 'b.html'),
      join(folder, 'news', 'deep', 'c.htm'),
    ]);
    expect(docs[1]!.error).toBeTruthy();
    expect(docs[0]!.title).toBe('First');
    expect(docs[2]!.title).toBe('Third');
    expect(json.stderr).toContain(join(folder, 'b.html'));

    const report = await runScan([folder, join(dir, 'does-not-exist.html')]);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain('First');
    expect(report.stdout).toContain('Third');
    expect(report.stdout).toMatch(/2 documents/);
    expect(report.stdout).toMatch(/2 not scanned/);
    expect(report.stderr).toContain('does-not-exist.html: cannot read: no such file or folder');
    expect(report.stderr).not.toContain('\r'); // no progress bar when standard error is not a terminal
  });

  test('plain text files are scanned paragraph by paragraph, offsets into each paragraph', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, `A first paragraph about nothing much.\n\n${CLAIM}\nIt went on.\n\n\nThe end.\n`);
    const run = await runScan(['--json', file]);
    expect(run.code, run.stderr).toBe(0);
    const [doc] = outputLines(run) as Array<{ title: unknown; claims: Array<{ passage: number; passageText: string }> }>;
    expect(doc!.title).toBeNull();
    expect(doc!.claims.length).toBeGreaterThan(0);
    for (const claim of doc!.claims) {
      expect(claim.passage).toBe(1);
      expect(claim.passageText).toBe(`${CLAIM}\nIt went on.`);
      expectValidClaims([claim], claim.passageText);
    }
  });
});
