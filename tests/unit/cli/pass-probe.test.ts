import { describe, expect, it } from 'vitest';
import { passProbe, ProbeSchedule, TrainingClock, type ProbeResult } from '../../../src/cli/bench/pass-probe';
import { drillFile, loadRegistry } from '../../../src/cli/exercises';
import { loadSplitsNode, trainFile } from '../../../src/cli/node-runner';

describe('ProbeSchedule', () => {
  it('reports a pass at most 10 % (or one epoch) late, with a logarithmic number of probes', () => {
    const epochMs = 10;
    const epochs = 400;
    for (const passAt of [1, 2, 9, 37, 150, 399]) {
      const schedule = new ProbeSchedule(0.1);
      let probes = 0;
      let reported: number | undefined;
      for (let e = 1; e <= epochs; e++) {
        const t = e * epochMs;
        if (!schedule.due(t)) continue;
        probes++;
        if (reported === undefined && e >= passAt) reported = t;
      }
      // Past the last probe, the worker grades the returned model at the run's end.
      reported ??= epochs * epochMs;
      const truth = passAt * epochMs;
      expect(reported).toBeLessThanOrEqual(Math.max(truth * 1.1, truth + epochMs) + 1e-9);
      // Every epoch while it is more than 10 % of the run, then ever sparser: ~log(400/10)/log(1.1) + 10.
      expect(probes).toBeLessThan(60);
      expect(probes).toBeGreaterThan(10);
    }
  });
});

describe('TrainingClock', () => {
  it('leaves paused time out', () => {
    const clock = new TrainingClock(1000);
    clock.pause(300);
    expect(clock.trainMs(2000)).toBe(700);
  });
});

describe('passProbe on a real reference', () => {
  it('grades the live model at epoch ends and reports its first pass once, not counting the probes', { timeout: 120_000 }, async () => {
    const drill = (await loadRegistry()).get('auto-mpg').drill;
    const splits = await loadSplitsNode(drill);
    const passes: ProbeResult[] = [];
    const clock = new TrainingClock();
    const wall0 = performance.now();
    let epochEnds = 0;
    const grades: string[] = [];
    const probe = passProbe(drill, splits, clock, { onPass: (r) => void passes.push(r), onGrade: (phase) => grades.push(phase) }, new ProbeSchedule(0));
    const result = await trainFile({
      drill,
      file: drillFile(drill.id, 'solution'),
      backend: 'wasm',
      splits,
      onEpochEnd: async (model) => {
        epochEnds++;
        await probe(model);
      },
    });
    const wallMs = performance.now() - wall0;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The reference passes with margin, so some epoch before its last one already did.
    expect(passes).toHaveLength(1);
    expect(passes[0].report.passed).toBe(true);
    expect(passes[0].ms).toBeLessThan(wallMs);
    // Probes graded each epoch until the pass, and their grading is off the clock.
    expect(epochEnds).toBeGreaterThan(1);
    // Each epoch up to the pass was graded (none after), each grade announced as it began and ended.
    expect(grades.length % 2).toBe(0);
    expect(grades.length / 2).toBeGreaterThanOrEqual(1);
    expect(grades.length / 2).toBeLessThan(epochEnds);
    expect(grades.slice(0, 2)).toEqual(['begin', 'end']);
    expect(clock.trainMs()).toBeLessThan(performance.now() - wall0);
  });
});
