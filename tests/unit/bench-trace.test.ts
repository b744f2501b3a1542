// The benchmark's trace reading: which main-thread tasks count as the
// content script's, from timeline events and from profiler samples.
import { expect, test } from 'vitest';
import { contentScriptCost, sampledFrames, type TraceEvent } from '../../cli/bench/trace';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OURS = `chrome-extension://${ID}/content-scripts/content.js`;
const MAIN = { pid: 1, tid: 1 };

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid, tid, args: { name } });
const task = (ts: number, dur: number, thread = MAIN): TraceEvent => ({ name: 'RunTask', cat: 'disabled-by-default-devtools.timeline', ph: 'X', ts, dur, ...thread });
const call = (ts: number, dur: number, url: string, thread = MAIN): TraceEvent => ({ name: 'FunctionCall', cat: 'devtools.timeline', ph: 'X', ts, dur, ...thread, args: { data: { url } } });

test('tasks that run extension code count whole; the page’s own tasks and other threads do not', () => {
  const events = [
    meta(1, 1, 'CrRendererMain'),
    meta(2, 2, 'ServiceWorker thread'),
    task(1_000, 10_000), // ours: 10 ms
    call(2_000, 3_000, OURS),
    task(20_000, 60_000), // the page's: 60 ms
    call(21_000, 50_000, 'http://127.0.0.1/page.js'),
    task(100_000, 4_000), // ours again, two calls inside: 4 ms
    call(100_500, 1_000, OURS),
    call(102_000, 1_000, OURS),
    task(0, 90_000, { pid: 2, tid: 2 }), // the background's thread: not the page's
    call(1_000, 80_000, `chrome-extension://${ID}/background.js`, { pid: 2, tid: 2 }),
  ];
  const cost = contentScriptCost(events, ID);
  expect(cost.tasks).toBe(2);
  expect(cost.taskMs).toBeCloseTo(14);
  expect(cost.scriptMs).toBeCloseTo(5);
  expect(cost.longestTaskMs).toBeCloseTo(10);
  expect(cost.longTasks).toBe(0);
});

test('a task resumed from a microtask is ours when a profiler sample in it has our frame on the stack', () => {
  const profile: TraceEvent = { name: 'Profile', cat: 'disabled-by-default-v8.cpu_profiler', ph: 'P', ts: 0, ...MAIN, id: '0x1', args: { data: { startTime: 0 } } };
  const chunk: TraceEvent = {
    name: 'ProfileChunk', cat: 'disabled-by-default-v8.cpu_profiler', ph: 'P', ts: 0, pid: 1, tid: 9, id: '0x1',
    args: {
      data: {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: { functionName: '(root)' } },
            { id: 2, parent: 1, callFrame: { functionName: 'scan', url: OURS } },
            { id: 3, parent: 2, callFrame: { functionName: 'test', url: '' } }, // a builtin called by our code
            { id: 4, parent: 1, callFrame: { functionName: 'pageWork', url: 'http://127.0.0.1/page.js' } },
          ],
          samples: [3, 4, 3],
        },
        timeDeltas: [205_000, 10_000, 5_000], // 205 ms, 215 ms, 220 ms
      },
    },
  };
  const events = [meta(1, 1, 'CrRendererMain'), profile, chunk, task(200_000, 70_000), task(300_000, 5_000)];
  const samples = sampledFrames(events, `chrome-extension://${ID}/`).get('1:1');
  expect(samples?.map((s) => s.ts)).toEqual([205_000, 220_000]);
  const cost = contentScriptCost(events, ID);
  expect(cost.tasks).toBe(1);
  expect(cost.longestTaskMs).toBeCloseTo(70);
  expect(cost.longTasks).toBe(1);
  expect(cost.samples).toBe(2);
});
