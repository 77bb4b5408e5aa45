/**
 * Time to a passing model, measured the way a learner would find it: grade the
 * model at an epoch's end, as if their code had stopped there and returned it.
 * Grading time is not training time, so the clock pauses while a probe grades;
 * the passing probe's own grade counts (the learner would submit once).
 */
import type * as tfType from '@tensorflow/tfjs';
import type { AllSplits } from '../../core/data';
import type { Drill, GradeInputs } from '../../core/drill';
import { modelToArtifacts } from '../../core/grading/model-io';
import type { GradeReport } from '../../core/grading/report';
import { gradeArtifactsOn } from '../../runner/grade-artifacts';

/**
 * When to probe. Each probe waits until training has grown by `share` since the
 * last one: the time to pass is then overstated by at most that share (plus the
 * epoch it falls in), and the probes cost a bounded number of grades — about
 * log(total/first epoch)/log(1 + share) — even for a 400-epoch reference.
 */
export class ProbeSchedule {
  private last = -Infinity;
  constructor(private readonly share = 0.1) {}
  due(trainMs: number): boolean {
    if (trainMs - this.last < this.share * trainMs) return false;
    this.last = trainMs;
    return true;
  }
}

/** Training time since `start`, not counting the probes' grading. */
export class TrainingClock {
  private pausedMs = 0;
  constructor(private readonly start = performance.now()) {}
  trainMs(now = performance.now()): number {
    return now - this.start - this.pausedMs;
  }
  pause(ms: number): void {
    this.pausedMs += ms;
  }
}

export interface ProbeResult {
  report: GradeReport;
  /** Training time at the probe plus this probe's grading: what the learner waited. */
  ms: number;
}

export interface ProbeHooks {
  /** The first passing grade; training waits for the promise it returns. */
  onPass(r: ProbeResult): void | Promise<void>;
  /** Each probe's grading begins and ends (the bench's cap leaves it out). */
  onGrade?(phase: 'begin' | 'end'): void;
}

/** An `onEpochEnd` for `trainFile` that grades on the schedule and reports the first pass. */
export function passProbe(drill: Drill, splits: AllSplits, clock: TrainingClock, hooks: ProbeHooks, schedule = new ProbeSchedule()) {
  let passed = false;
  // Prepared once for all probes: for text drills it builds the vocabulary, for images it resizes the test set.
  let inputs: GradeInputs | undefined;
  return async (model: tfType.LayersModel): Promise<void> => {
    const trainMs = clock.trainMs();
    if (passed || !schedule.due(trainMs)) return;
    hooks.onGrade?.('begin');
    const t0 = performance.now();
    inputs ??= drill.gradeInputs(splits.test, splits.train);
    const report = await gradeArtifactsOn(drill, await modelToArtifacts(model), inputs);
    const gradeMs = performance.now() - t0;
    clock.pause(gradeMs);
    hooks.onGrade?.('end');
    if (report.passed) {
      passed = true;
      await hooks.onPass({ report, ms: trainMs + gradeMs });
    }
  };
}
