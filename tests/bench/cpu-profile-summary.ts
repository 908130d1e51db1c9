/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) over a time window: each function's self time
 * (samples where it was on top) and total time (samples where it was anywhere on the stack,
 * counted once), as a share of the busy samples (neither idle nor garbage collection). Used by
 * gate-bench.ts for the gate's profile in docs/BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_ROOT } from '../helpers/sync-server-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  fn: string;
  where: string;
  selfPct: number;
  totalPct: number;
}

export interface ProfileSummary {
  /** Busy time in the window, ms. */
  busyMs: number;
  /** Window length, ms. */
  totalMs: number;
  idlePct: number;
  gcPct: number;
  topSelf: ProfileRow[];
  /** The project's own functions (sync-server/, src/) by total time: where the gate spends. */
  topTotal: ProfileRow[];
  /** Self time by source file (the package's own files, node_modules packages, node internals). */
  byFile: { where: string; selfPct: number }[];
}

function whereOf(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules?.[1]) return modules[1];
  if (path.startsWith('node:')) return path;
  // A profile taken in another checkout of the project (the code before a change) reads alike.
  return relative(REPO_ROOT, path).replace(/^(\.\.\/)+.*?\/(sync-server|src|tests)\//, '$2/');
}

/**
 * `window`: [from, to] in µs of the monotonic clock (process.hrtime), which V8's profile
 * timestamps share on Linux; the whole profile when absent.
 */
export function summariseCpuProfile(
  file: string,
  window?: readonly [number, number],
  top = 12,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const up = parent.get(node.id);
    const caller = up === undefined ? undefined : byId.get(up);
    // Native code V8 cannot name (a LevelDB binding, a builtin) is named by its JS caller.
    if (!functionName && !url && caller) return `native code of ${key(caller)}`;
    const where = whereOf(url);
    // tsx compiles the project's files, so their line numbers are the compiled code's: left out.
    const line = /^(sync-server|src)\//.test(where) ? '' : `:${lineNumber + 1}`;
    return `${functionName || '(anonymous)'}\u0000${where}${line}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  let time = profile.startTime;
  let busy = 0;
  let idle = 0;
  let gc = 0;
  let counted = 0;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (window && (time < window[0] || time > window[1])) return;
    counted++;
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    if (name === '(idle)') return void idle++;
    if (name === '(garbage collector)') gc++;
    busy++;
    self.set(key(node), (self.get(key(node)) ?? 0) + 1);
    const file = whereOf(node.callFrame.url);
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const frameKey = key(frame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      total.set(frameKey, (total.get(frameKey) ?? 0) + 1);
    }
  });
  const pct = (n: number) => Math.round((1000 * n) / Math.max(1, busy)) / 10;
  const rows = (counts: Map<string, number>, ours = false): ProfileRow[] =>
    [...counts]
      .filter(([name]) => !/^\((root|program|idle)\)/.test(name))
      .filter(([name]) => !ours || /^(sync-server|src)\//.test(name.split('\u0000')[1] ?? ''))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name]) => {
        const [fn = '', where = ''] = name.split('\u0000');
        return {
          fn,
          where,
          selfPct: pct(self.get(name) ?? 0),
          totalPct: pct(total.get(name) ?? 0),
        };
      });
  const interval = counted > 0 ? (profile.endTime - profile.startTime) / profile.samples.length : 0;
  return {
    busyMs: Math.round((busy * interval) / 1000),
    totalMs: Math.round((counted * interval) / 1000),
    idlePct: Math.round((1000 * idle) / Math.max(1, counted)) / 10,
    gcPct: pct(gc),
    topSelf: rows(self),
    topTotal: rows(total, true),
    byFile: [...fileSelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, n]) => ({ where, selfPct: pct(n) })),
  };
}
