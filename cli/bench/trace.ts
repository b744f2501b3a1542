// Reads a Chromium trace (CDP Tracing, JSON events) for what the extension's
// content script cost the page: the renderer main-thread tasks that ran any of
// the extension's code. Attribution is by script URL, from two sources:
// timeline events (EvaluateScript, FunctionCall, v8.compile… carry
// `args.data.url`, chrome-extension://<id>/… for ours), and the V8 sampling
// profiler's stacks (category disabled-by-default-v8.cpu_profiler), which
// also catch code resumed from a microtask (an `await` after scheduler.yield
// or a message reply), where no timeline event names a script. A task that
// runs our code is counted whole (its microtasks, forced style and layout).

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number; // microseconds
  dur?: number;
  /** Thread (CPU) time at the start and for the duration, µs: absent where the trace has no thread timing. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    fileName?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

export interface ContentScriptCost {
  /** Sum of the main-thread tasks that ran extension code, wall-clock ms. */
  taskMs: number;
  /**
   * The same tasks' thread CPU time, ms: what they cost the main thread
   * itself. Wall time also holds the time the thread waited for a core (two
   * cores, a browser and several renderers loading at once), which varies
   * from run to run far more than the work does.
   */
  taskCpuMs: number;
  /** Sum of the extension's own script events alone (no overlap counted twice), ms. */
  scriptMs: number;
  /** Profiler samples with the extension's code on the stack, and the time they stand for, ms. */
  samples: number;
  sampledMs: number;
  /** Sampled ms per function of ours (the innermost frame of our script on the stack). */
  hot: Record<string, number>;
  /** The longest of those tasks, ms. */
  longestTaskMs: number;
  tasks: number;
  /** Tasks of ours over 50 ms. */
  longTasks: number;
  /** Trace timestamps (µs) of the first and last task of ours. */
  firstTs: number | null;
  lastEndTs: number | null;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function urlOf(event: TraceEvent): string | undefined {
  return event.args?.data?.url ?? event.args?.fileName;
}

interface Span {
  ts: number;
  end: number;
  /** Thread CPU µs, or null where the trace has none. */
  cpu: number | null;
  e: TraceEvent;
}

/** Complete-event intervals from X events and matched B/E pairs, per thread. */
function intervals(events: readonly TraceEvent[], keep: (e: TraceEvent) => boolean): Span[] {
  const out: Span[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (!keep(e)) continue;
    if (e.ph === 'X') out.push({ ts: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? null, e });
    else if (e.ph === 'B') {
      const key = `${e.pid}:${e.tid}:${e.name}`;
      (open.get(key) ?? open.set(key, []).get(key)!).push(e);
    } else if (e.ph === 'E') {
      const begin = open.get(`${e.pid}:${e.tid}:${e.name}`)?.pop();
      if (begin) out.push({ ts: begin.ts, end: e.ts, cpu: begin.tts !== undefined && e.tts !== undefined ? e.tts - begin.tts : null, e: begin });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** Outermost intervals only: nested ones lie inside an earlier one. */
function outermost<T extends { ts: number; end: number }>(sorted: readonly T[]): T[] {
  const out: T[] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    if (item.ts >= reach) {
      out.push(item);
      reach = item.end;
    } else if (item.end > reach) {
      reach = item.end; // overlapping, not nested: rare; extend
    }
  }
  return out;
}

/**
 * Profiler samples (per thread "pid:tid", timestamps in µs) whose stack holds
 * a frame of a script whose URL starts with `prefix`. Chunks name the
 * profiler's own thread; the Profile event with the same id names the
 * sampled one. Each sample's weight is the gap to the next (capped at 5 ms).
 */
export interface Sample {
  ts: number;
  ms: number;
  /** The innermost function of ours on the stack, "name:line:column" (1-based, in the built file). */
  fn: string;
}

export function sampledFrames(events: readonly TraceEvent[], prefix: string): Map<string, Sample[]> {
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode>; ours: Map<number, string | null>; last: Sample | null }>();
  const out = new Map<string, Sample[]>();
  for (const e of events) {
    if (e.name === 'Profile' && e.args?.data?.startTime !== undefined) {
      profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, time: e.args.data.startTime, nodes: new Map(), ours: new Map(), last: null });
    }
  }
  // The innermost frame of ours on a node's stack, or null: memoised per node.
  const ourFrame = (p: { nodes: Map<number, ProfileNode>; ours: Map<number, string | null> }, id: number): string | null => {
    const known = p.ours.get(id);
    if (known !== undefined) return known;
    const node = p.nodes.get(id);
    let answer: string | null = null;
    if (node && (node.callFrame.url ?? '').startsWith(prefix)) {
      const { functionName, lineNumber = -1, columnNumber = -1 } = node.callFrame;
      answer = `${functionName || '(anonymous)'}:${lineNumber + 1}:${columnNumber + 1}`;
    } else if (node?.parent !== undefined) {
      answer = ourFrame(p, node.parent);
    }
    p.ours.set(id, answer);
    return answer;
  };
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let list = out.get(profile.thread);
    if (!list) out.set(profile.thread, (list = []));
    for (let k = 0; k < samples.length; k++) {
      profile.time += deltas[k] ?? 0;
      if (profile.last) profile.last.ms = Math.min(5, (profile.time - profile.last.ts) / 1000);
      profile.last = null;
      const fn = ourFrame(profile, samples[k]!);
      if (fn !== null) {
        profile.last = { ts: profile.time, ms: 0, fn };
        list.push(profile.last);
      }
    }
  }
  return out;
}

/** The cost of the extension's code: scripts under chrome-extension://<id>/. */
export function contentScriptCost(events: readonly TraceEvent[], extensionId: string): ContentScriptCost {
  return scriptCost(events, `chrome-extension://${extensionId}/`);
}

/** What the scripts whose URL starts with `prefix` cost the renderer main thread. */
export function scriptCost(events: readonly TraceEvent[], prefix: string): ContentScriptCost {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const scripted = intervals(events, (e) => onMain(e) && (urlOf(e)?.startsWith(prefix) ?? false));
  const cost: ContentScriptCost = { taskMs: 0, taskCpuMs: 0, scriptMs: 0, samples: 0, sampledMs: 0, hot: {}, longestTaskMs: 0, tasks: 0, longTasks: 0, firstTs: null, lastEndTs: null };
  for (const o of outermost(scripted)) cost.scriptMs += (o.end - o.ts) / 1000;
  // Samples become zero-length marks, so that one walk finds every task that ran our code.
  const ours: Span[] = [...scripted];
  for (const [thread, samples] of sampledFrames(events, prefix)) {
    if (!mainThreads.has(thread)) continue;
    const [pid, tid] = thread.split(':').map(Number) as [number, number];
    for (const sample of samples) {
      cost.samples++;
      cost.sampledMs += sample.ms;
      cost.hot[sample.fn] = (cost.hot[sample.fn] ?? 0) + sample.ms;
      ours.push({ ts: sample.ts, end: sample.ts, cpu: 0, e: { name: 'sample', cat: '', ph: 'X', ts: sample.ts, pid, tid } });
    }
  }
  ours.sort((a, b) => a.ts - b.ts);
  if (ours.length === 0) return cost;

  const threads = new Set(ours.map((o) => `${o.e.pid}:${o.e.tid}`));

  const tasks = outermost(
    intervals(events, (e) => TASK_NAMES.has(e.name) && threads.has(`${e.pid}:${e.tid}`)),
  );
  // Walk tasks and our events together (both sorted by start).
  let i = 0;
  const counted = new Set<number>();
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t]!;
    while (i < ours.length && ours[i]!.ts < task.ts) {
      // Code of ours outside any task (rare): count the event itself.
      const o = ours[i++]!;
      if (!tasks.some((k) => k.ts <= o.ts && o.end <= k.end)) addTask(cost, o);
    }
    let hit = false;
    while (i < ours.length && ours[i]!.ts <= task.end) {
      hit = true;
      i++;
    }
    if (hit && !counted.has(t)) {
      counted.add(t);
      addTask(cost, task);
    }
  }
  for (const o of ours.slice(i)) addTask(cost, o); // after the last task: count the events themselves
  return cost;
}

function addTask(cost: ContentScriptCost, { ts, end, cpu }: Span): void {
  if (end <= ts) return; // a lone sample outside any traced task
  const ms = (end - ts) / 1000;
  cost.taskMs += ms;
  cost.taskCpuMs += cpu === null ? ms : cpu / 1000; // no thread timing: the wall time is all there is
  cost.tasks++;
  if (ms > 50) cost.longTasks++;
  cost.longestTaskMs = Math.max(cost.longestTaskMs, ms);
  cost.firstTs = cost.firstTs === null ? ts : Math.min(cost.firstTs, ts);
  cost.lastEndTs = cost.lastEndTs === null ? end : Math.max(cost.lastEndTs, end);
}

/** Timestamps (µs) of user-timing marks with the given prefix, from the trace. */
export function traceMarks(events: readonly TraceEvent[], prefix: string): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && e.name.startsWith(prefix) && marks[e.name] === undefined) marks[e.name] = e.ts;
  }
  return marks;
}

/**
 * The whole main-thread task in which the user-timing mark `name` was made
 * (the outermost task on the mark's thread that spans it): wall and thread CPU
 * ms; null if the mark or its task is not in the trace.
 */
export function taskAroundMark(events: readonly TraceEvent[], name: string): { wallMs: number; cpuMs: number } | null {
  const mark = events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  if (!mark) return null;
  const spans = intervals(events, (e) => TASK_NAMES.has(e.name) && e.pid === mark.pid && e.tid === mark.tid);
  const around = outermost(spans).find((t) => t.ts <= mark.ts && mark.ts <= t.end);
  if (!around) return null;
  const wallMs = (around.end - around.ts) / 1000;
  return { wallMs, cpuMs: around.cpu === null ? wallMs : around.cpu / 1000 };
}
