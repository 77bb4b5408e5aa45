/**
 * CPU time used by a process tree (Linux /proc), for benches that must tell "more
 * work" from "waited longer for a core": on a 2-core machine shared with the
 * browser's own threads, wall time of one run varies by ±15 %, CPU time far less.
 *
 * A Chromium run starts and ends processes (each sandbox iframe gets its own
 * renderer), and an exited process's time is gone from /proc, so the tree is
 * polled while the measured work runs and each process counts up to its last sample.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux, whatever the kernel's own HZ

interface ProcStat {
  ppid: number;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state ppid … utime(14) stime(15), counted from 1 over the whole line.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return undefined; // exited meanwhile
  }
}

function allStats(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (st) out.set(Number(name), st);
  }
  return out;
}

/** Whether this machine has /proc to read (benches print no CPU rows otherwise). */
export function canMeasureProcessCpu(): boolean {
  return process.platform === 'linux' && readStat(process.pid) !== undefined;
}

/** The pids of the trees under `parent` (e.g. this Node process: the browser it launched and all below). */
function treePids(parent: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, st] of allStats()) children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(parent);
  return out;
}

/**
 * Reads the CPU time of a process tree and of its threads with matching names,
 * cheaply enough to poll every few tens of ms on 2 cores: the whole of /proc is
 * scanned for new processes only every `rescanMs`, and a thread's name is read
 * once.
 */
class TreeReader {
  private pids: number[] = [];
  private scannedAt = -Infinity;
  private readonly names = new Map<string, boolean>();

  constructor(
    private readonly parent: number,
    private readonly threads: RegExp,
    private readonly rescanMs: number,
  ) {}

  read(): { procs: Map<number, number>; named: Map<string, number> } {
    if (performance.now() - this.scannedAt >= this.rescanMs) {
      this.pids = treePids(this.parent);
      this.scannedAt = performance.now();
    }
    const procs = new Map<number, number>();
    const named = new Map<string, number>();
    for (const pid of this.pids) {
      const st = readStat(pid);
      if (!st) continue;
      procs.set(pid, st.cpuMs);
      let tids: string[];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tids) {
        const key = `${pid}/${tid}`;
        try {
          let matches = this.names.get(key);
          if (matches === undefined) {
            matches = this.threads.test(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim());
            this.names.set(key, matches);
          }
          if (matches) named.set(key, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
        } catch {
          /* exited meanwhile */
        }
      }
    }
    return { procs, named };
  }
}

/** Wall clock in epoch ms, comparable with a page's `performance.timeOrigin + performance.now()`. */
export const epochNow = () => performance.timeOrigin + performance.now();

export interface CpuSpan {
  /** CPU ms of every process in the tree. */
  totalMs: number;
  /** CPU ms of the threads whose name matched `threads`. */
  threadMs: number;
}

/**
 * Starts polling the process tree under `parent` (default: this process's children,
 * not itself). `stop(from, to)` ends polling and gives the CPU ms used between two
 * epoch times inside the metered span, interpolated between polls, so work just
 * before or after it (a page settling, the app booting its next sandbox) is left
 * out. A process or thread started meanwhile counts from zero.
 */
export function startCpuMeter(opts: { parent?: number; threads?: RegExp; everyMs?: number } = {}): { stop(from: number, to: number): CpuSpan } {
  const { parent = process.pid, threads = /^DedicatedWorker/, everyMs = 50 } = opts;
  const reader = new TreeReader(parent, threads, 250);
  const read = () => reader.read();
  const first = read();
  const last = { procs: new Map(first.procs), named: new Map(first.named) };
  const samples: { t: number; totalMs: number; threadMs: number }[] = [];
  const since = <K>(now: Map<K, number>, start: Map<K, number>) => [...now].reduce((sum, [k, v]) => sum + v - (start.get(k) ?? 0), 0);
  const poll = () => {
    const now = read();
    for (const [k, v] of now.procs) last.procs.set(k, v);
    for (const [k, v] of now.named) last.named.set(k, v);
    samples.push({ t: epochNow(), totalMs: since(last.procs, first.procs), threadMs: since(last.named, first.named) });
  };
  poll();
  const timer = setInterval(poll, everyMs);
  const at = (t: number, key: 'totalMs' | 'threadMs') => {
    const k = samples.findIndex((s) => s.t >= t);
    if (k <= 0) return k === 0 ? samples[0][key] : samples[samples.length - 1][key];
    const a = samples[k - 1];
    const b = samples[k];
    return a[key] + ((b[key] - a[key]) * (t - a.t)) / Math.max(b.t - a.t, 1e-9);
  };
  return {
    stop(from, to) {
      clearInterval(timer);
      poll();
      return { totalMs: at(to, 'totalMs') - at(from, 'totalMs'), threadMs: at(to, 'threadMs') - at(from, 'threadMs') };
    },
  };
}
