/**
 * Starts a helper process (a server, the app's browser shell) in its own process group and waits
 * for its ready line. tsx runs scripts in a second node process, so stopping signals the whole
 * group by its pid: the real server never outlives the bench.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ReadyProcess {
  child: ChildProcess;
  /** The first capture group of the ready pattern (a URL). */
  ready: string;
  output(): string;
  stop(): Promise<void>;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
}

export function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // tsx may exit before its node child: make sure nothing of the group is left.
      signalGroup(child, 'SIGKILL');
      done();
    });
    signalGroup(child, 'SIGTERM');
  });
}

export async function startReadyProcess(options: {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  ready: RegExp;
  timeoutMs: number;
  name: string;
}): Promise<ReadyProcess> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const ready = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} was not ready in time:\n${output}`)),
        options.timeoutMs,
      );
      const check = (): void => {
        const match = options.ready.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${output}`),
        );
      });
    });
    return { child, ready, output: () => output, stop: () => stopGroup(child) };
  } catch (error) {
    await stopGroup(child, 2_000);
    throw error;
  }
}

/** The pids under `pid` (children first), read from /proc. */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * The process doing the work: the deepest descendant of a tsx launcher (tsx → node script),
 * or the pid itself when it has none.
 */
export function workerPid(pid: number): number {
  const all = descendants(pid);
  return all[all.length - 1] ?? pid;
}

/** Resident memory of a process in MB (VmRSS from /proc), NaN when it cannot be read. */
export function rssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time a process has used so far, in clock ticks (utime + stime from /proc/<pid>/stat). */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return Number.NaN;
  }
}

/**
 * Waits until a process has used almost no CPU (under 5 % of a core) for `quietMs`, or `maxMs`
 * have passed; resolves with how long that took. Used to let a server finish the work a load
 * left behind before the next measurement starts.
 */
export async function waitUntilIdle(pid: number, quietMs: number, maxMs: number): Promise<number> {
  const start = performance.now();
  const ticksPerSecond = 100; // USER_HZ on Linux
  let windowStart = performance.now();
  let windowTicks = cpuTicks(pid);
  while (performance.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = performance.now();
    const ticks = cpuTicks(pid);
    if (!Number.isFinite(ticks)) break;
    const busy = (ticks - windowTicks) / ticksPerSecond / ((now - windowStart) / 1000);
    if (busy < 0.05) break;
    windowStart = now;
    windowTicks = ticks;
  }
  return performance.now() - start;
}
