// The benchmark's trace reading: which main-thread tasks count as the
// content script's, from timeline events and from profiler samples.
import { expect, test } from 'vitest';
import { contentScriptCost, sampledFrames, taskAroundMark, type TraceEvent } from '../../cli/bench/trace';

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
  expect(cost.taskCpuMs).toBeCloseTo(14); // no thread timing in these events: wall time stands in
});

test('thread CPU time is summed apart from wall time, which holds the waits for a core', () => {
  const events = [
    meta(1, 1, 'CrRendererMain'),
    { ...task(1_000, 40_000), tts: 0, tdur: 3_000 }, // 40 ms on the clock, 3 ms on the CPU
    call(2_000, 30_000, OURS),
    { ...task(50_000, 2_000), tts: 5_000, tdur: 1_500 },
    call(50_500, 1_000, OURS),
  ];
  const cost = contentScriptCost(events, ID);
  expect(cost.taskMs).toBeCloseTo(42);
  expect(cost.taskCpuMs).toBeCloseTo(4.5);
  expect(cost.longestTaskMs).toBeCloseTo(40); // long tasks are what the page lives through: wall time

  const mark: TraceEvent = { name: 'floor:start', cat: 'blink.user_timing', ph: 'I', ts: 10_000, ...MAIN };
  expect(taskAroundMark([...events, mark], 'floor:start')).toEqual({ wallMs: 40, cpuMs: 3 });
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

test('the floor’s task is the whole outermost task around its mark, on the mark’s thread only', () => {
  const mark = (ts: number, name: string, thread = MAIN): TraceEvent => ({ name, cat: 'blink.user_timing', ph: 'I', ts, ...thread });
  const events = [
    task(1_000, 2_000),
    task(10_000, 7_000), // the floor's: 7 ms, with a nested task inside
    task(11_000, 1_000),
    mark(12_500, 'floor:start'),
    task(10_000, 30_000, { pid: 2, tid: 2 }), // another thread, spanning the same time
    mark(50_000, 'orphan'), // no task around it
  ];
  expect(taskAroundMark(events, 'floor:start')).toEqual({ wallMs: 7, cpuMs: 7 }); // no thread timing: wall stands in
  expect(taskAroundMark(events, 'orphan')).toBeNull();
  expect(taskAroundMark(events, 'absent')).toBeNull();
});
