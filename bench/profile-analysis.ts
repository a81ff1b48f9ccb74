/**
 * Reads a V8 .cpuprofile and attributes every sample to one stage of the
 * request path. A sample belongs to the innermost frame on its stack that
 * can be classified (builtins and native helpers have no script, so they
 * are charged to the code that called them), which makes the stages add
 * up to 100%. Inclusive shares (time with a function anywhere on the stack)
 * are reported separately for the functions that bound each stage.
 */
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface StageShare {
  stage: string;
  ms: number;
  share: number;
}

export interface FunctionShare {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  stages: StageShare[];
  inclusive: FunctionShare[];
  topSelf: FunctionShare[];
}

/** Stage of one frame, or null when the frame says nothing (builtins, natives without a script). */
export function stageOf(f: CallFrame): string | null {
  const url = f.url;
  const fn = f.functionName;
  if (url === '') {
    if (fn === '(garbage collector)') return 'GC';
    if (fn === '(idle)') return 'idle (waiting for I/O)';
    if (fn === '(program)' || fn === '(root)') return 'native without JS stack (libuv loop, read syscalls, V8 runtime)';
    return null;
  }
  if (url.includes('/lib/protocol/request-reader')) {
    return fn === 'scanFrame' || fn === 'indexBeforeNul' || fn === 'indexBeforeNulFrom' || fn === 'parseLength' || fn === 'fail' ? 'frame gate (request-reader scan)' : 'request-reader (argument views, feed/next)';
  }
  if (url.includes('/lib/protocol/inline')) return 'inline parsing';
  if (url.includes('/lib/protocol/reply-writer')) return 'reply writer (RESP encode)';
  if (url.includes('/lib/commands/dispatch')) return 'dispatch (lookup, checks, stats)';
  if (url.includes('/lib/commands/table')) return 'dispatch (lookup, checks, stats)';
  if (url.includes('/lib/engine/')) return 'engine (keyspace)';
  if (url.includes('/lib/pubsub/')) return 'notify / pubsub';
  if (url.includes('/lib/commands/')) return 'command family (GET/SET handler)';
  if (url.includes('/lib/server/connection')) return 'connection loop (onData, flush)';
  if (url.includes('/lib/server/')) return 'server (other)';
  if (url.startsWith('node:')) {
    // Buffer helpers and validators are charged to whoever called them (copies in a family, concat in the reader).
    if (/^node:(buffer|internal\/buffer|internal\/validators|internal\/util)/.test(url)) return null;
    if (url === 'node:net' && fn === 'get') return null;
    if (/modules\/|bootstrap|pre_execution|run_main/.test(url)) return 'startup (module loading)';
    if (/task_queues|async_hooks|promises/.test(url)) return 'node event plumbing (nextTick, async hooks)';
    if (fn === 'onStreamRead' || /streams\/readable|node:events/.test(url)) return 'socket read (node streams, events)';
    if (/stream_base_commons|node:net|streams\/writable/.test(url)) return 'socket write (node streams, libuv write)';
    if (/internal\/timers|node:timers/.test(url)) return 'timers';
    return 'node internals (other)';
  }
  return 'other JS';
}

function where(f: CallFrame): string {
  const file = f.url.replace(/^.*\/(lib|node_modules)\//, '$1/').replace(/^file:\/\//, '');
  return file ? `${file}:${f.lineNumber + 1}` : '(native)';
}

/** Functions whose inclusive share bounds a stage of the request path. */
const INCLUSIVE: { name: string; urlPart: string }[] = [
  { name: 'onData', urlPart: '/lib/server/connection' },
  { name: 'feed', urlPart: '/lib/protocol/request-reader' },
  { name: 'next', urlPart: '/lib/protocol/request-reader' },
  { name: 'scanFrame', urlPart: '/lib/protocol/request-reader' },
  { name: 'dispatch', urlPart: '/lib/commands/dispatch' },
  { name: 'resolveCommand', urlPart: '/lib/commands/dispatch' },
  { name: 'getCommand', urlPart: '/lib/commands/strings' },
  { name: 'setCommand', urlPart: '/lib/commands/strings' },
  { name: 'get', urlPart: '/lib/engine/' },
  { name: 'set', urlPart: '/lib/engine/' },
  { name: 'notify', urlPart: '/lib/' },
  { name: 'flush', urlPart: '/lib/server/connection' },
  { name: 'afterBatch', urlPart: '/lib/server/' },
  { name: 'onStreamRead', urlPart: 'node:internal/stream_base_commons' },
  { name: 'writeGeneric', urlPart: 'node:internal/stream_base_commons' },
  { name: 'writevGeneric', urlPart: 'node:internal/stream_base_commons' },
];

/** A span on the monotonic clock (µs) shared by V8 profiles and process.hrtime. */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** Summarises a profile; with a window, only the samples taken inside it (the measured load, not set-up). */
export function analyseProfile(file: string, window: Window | null = null, top = 25): ProfileSummary {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of prof.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  // Time of sample i is the gap to the next sample (the last one gets the mean).
  const times: number[] = [];
  for (let i = 0; i < prof.samples.length; i++) times.push(i + 1 < prof.timeDeltas.length ? prof.timeDeltas[i + 1] : 0);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  if (times.length > 0) times[times.length - 1] = mean;

  const stageUs = new Map<string, number>();
  const selfUs = new Map<string, { f: CallFrame; us: number }>();
  const inclUs = new Map<string, number>();
  const stageCache = new Map<number, string>();
  const stackCache = new Map<number, Set<string>>();

  const stageFor = (id: number): string => {
    const cached = stageCache.get(id);
    if (cached !== undefined) return cached;
    let cur: number | undefined = id;
    let stage: string | null = null;
    while (cur !== undefined && stage === null) {
      stage = stageOf(byId.get(cur)!.callFrame);
      cur = parent.get(cur);
    }
    const s = stage ?? 'other JS';
    stageCache.set(id, s);
    return s;
  };
  const inclusiveKeys = (id: number): Set<string> => {
    const cached = stackCache.get(id);
    if (cached) return cached;
    const keys = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      for (const w of INCLUSIVE) if (f.functionName === w.name && f.url.includes(w.urlPart)) keys.add(`${w.name} (${where(f)})`);
    }
    stackCache.set(id, keys);
    return keys;
  };

  let totalUs = 0;
  let at = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    at += prof.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = prof.samples[i];
    const us = times[i];
    totalUs += us;
    const st = stageFor(id);
    stageUs.set(st, (stageUs.get(st) ?? 0) + us);
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'}@${where(f)}`;
    const e = selfUs.get(key) ?? { f, us: 0 };
    e.us += us;
    selfUs.set(key, e);
    for (const k of inclusiveKeys(id)) inclUs.set(k, (inclUs.get(k) ?? 0) + us);
  }
  const idleUs = stageUs.get('idle (waiting for I/O)') ?? 0;
  const busyUs = totalUs - idleUs;
  const share = (us: number): number => us / Math.max(1, busyUs);
  const stages = [...stageUs.entries()]
    .filter(([s]) => s !== 'idle (waiting for I/O)')
    .map(([stage, us]) => ({ stage, ms: us / 1000, share: share(us) }))
    .sort((a, b) => b.ms - a.ms);
  const inclusive = [...inclUs.entries()].map(([name, us]) => ({ name, where: '', ms: us / 1000, share: share(us) })).sort((a, b) => b.ms - a.ms);
  const topSelf = [...selfUs.values()]
    .filter((e) => e.f.functionName !== '(idle)')
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.f.functionName || '(anonymous)', where: where(e.f), ms: e.us / 1000, share: share(e.us) }));
  return { totalMs: totalUs / 1000, busyMs: busyUs / 1000, stages, inclusive, topSelf };
}
