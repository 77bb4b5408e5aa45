import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pairedRatio, rotate } from '../../../src/cli/bench/browser-runner';
import { canMeasureProcessCpu, startCpuMeter } from '../../../src/cli/bench/process-cpu';

describe('runner bench statistics', () => {
  it('pairs rounds: the median of per-round ratios, not a ratio of medians', () => {
    // Per round: 0.83, 1.2, 0.91, 1, 1.25 → median 1; the medians alone (100 vs 120) would say 0.83.
    const r = pairedRatio([100, 300, 300, 100, 100], [120, 250, 330, 100, 80]);
    expect(r.ratio).toBe(1);
    expect(r.spread).toBe('0.91–1.20 between quartiles');
  });

  it('rotates the order of the sides each round so each takes every position', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });
});

describe.runIf(canMeasureProcessCpu())('CPU meter', () => {
  // No clock bounds here (a loaded 2-core machine stretches any wall-clock figure):
  // the child does a fixed amount of work, reports its own CPU time for it and when
  // it did it, and the meter must attribute that same CPU to that span and none
  // to the idle span before it. Slack covers the 50 ms polling and the 10 ms ticks.
  it("attributes a child's CPU to the span it worked in, and none to the span it idled", async () => {
    const busyMeter = startCpuMeter({ threads: /^node$/ });
    const idleMeter = startCpuMeter({ threads: /^node$/ });
    const script = `
      const epoch = () => performance.timeOrigin + performance.now();
      const idleFrom = epoch();
      setTimeout(() => {
        const t0 = epoch(); const c0 = process.cpuUsage();
        let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003;
        const c1 = process.cpuUsage(c0); const t1 = epoch();
        setTimeout(() => console.log(JSON.stringify({ idleFrom, t0, t1, x, cpuMs: (c1.user + c1.system) / 1000 })), 300);
      }, 1000);`;
    const child = spawn(process.execPath, ['-e', script]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => child.on('exit', resolve));
    const { idleFrom, t0, t1, cpuMs } = JSON.parse(out) as { idleFrom: number; t0: number; t1: number; cpuMs: number };
    const busy = busyMeter.stop(t0, t1);
    // The idle span starts well after the child's own start-up (V8 compiling and
    // collecting on background threads, slower on a busy machine: once 62 ms of CPU
    // in a span starting 100 ms in, while other test files loaded both cores).
    const idle = idleMeter.stop(idleFrom + 400, t0 - 20);
    expect(busy.totalMs).toBeGreaterThan(cpuMs * 0.8 - 60);
    expect(busy.totalMs).toBeLessThan(cpuMs * 1.2 + 60);
    expect(busy.threadMs).toBeLessThanOrEqual(busy.totalMs + 20);
    expect(idle.totalMs).toBeLessThan(60);
  });
});
