import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pairedRatio, rotate } from '../../../src/cli/bench/browser-runner';
import { canMeasureProcessCpu, epochNow, startCpuMeter } from '../../../src/cli/bench/process-cpu';

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
  it("counts a child process's CPU, and only inside the asked span", async () => {
    const meter = startCpuMeter({ threads: /^node$/ });
    // Idle 300 ms, busy 600 ms, idle 300 ms: a span over the busy part sees ~600 ms.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => { const t = Date.now(); while (Date.now() - t < 600); setTimeout(() => {}, 300); }, 300)']);
    const started = epochNow();
    await new Promise((resolve) => child.on('exit', resolve));
    const ended = epochNow();
    const busy = meter.stop(started + 250, ended - 250);
    expect(busy.totalMs).toBeGreaterThan(400);
    expect(busy.totalMs).toBeLessThan(900);
    expect(busy.threadMs).toBeGreaterThan(400);
    expect(busy.threadMs).toBeLessThanOrEqual(busy.totalMs + 20);
  });
});
