/**
 * Points 0–5 from a metric value and a drill's five thresholds.
 *
 * Boundary rule: a value exactly on a threshold earns it (accuracy 0.90 against a
 * 0.90 threshold earns the point; MAE 0.05 against a 0.05 threshold earns it too).
 * A value that is not a finite number (NaN from a diverged model, ±Infinity) earns 0,
 * whatever the direction, because it says nothing about the model's quality.
 */
import type { MetricName, Thresholds } from '../drill';

export const MAX_POINTS = 5;

/** True when `value` is at least as good as `threshold` in the metric's direction. */
export function meets(value: number, threshold: number, higherIsBetter: boolean): boolean {
  if (!Number.isFinite(value)) return false;
  return higherIsBetter ? value >= threshold : value <= threshold;
}

/**
 * Points `i` iff `value` meets `thresholds[i-1]`; the best such `i` wins, so a
 * value that meets the 5-point threshold earns 5 even if an earlier threshold were
 * mis-ordered (validateThresholds catches that separately).
 */
export function pointsFor(value: number, thresholds: Thresholds, higherIsBetter: boolean): number {
  for (let i = MAX_POINTS; i >= 1; i--) {
    if (meets(value, thresholds[i - 1], higherIsBetter)) return i;
  }
  return 0;
}

/**
 * Problems with a drill's thresholds, empty when they are usable. Thresholds must be
 * five finite numbers, strictly rising for a higher-is-better metric and strictly
 * falling for an error (equal neighbours would make one mark unreachable on its own,
 * which is almost always a typo). With `metric`, accuracy thresholds must lie in
 * (0, 1] and error thresholds must be >= 0.
 */
export function validateThresholds(
  thresholds: readonly number[],
  higherIsBetter: boolean,
  metric?: MetricName,
): string[] {
  const problems: string[] = [];
  if (thresholds.length !== MAX_POINTS) {
    problems.push(`Expected ${MAX_POINTS} thresholds (for 1 to 5 points), got ${thresholds.length}.`);
    return problems;
  }
  thresholds.forEach((t, i) => {
    if (!Number.isFinite(t)) problems.push(`Threshold for ${i + 1}/5 is not a finite number (${t}).`);
  });
  if (problems.length > 0) return problems;
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1];
    const cur = thresholds[i];
    const ok = higherIsBetter ? cur > prev : cur < prev;
    if (!ok) {
      problems.push(
        `Threshold for ${i + 1}/5 (${cur}) must be ${higherIsBetter ? 'higher' : 'lower'} than the one for ${i}/5 (${prev}).`,
      );
    }
  }
  if (metric === 'accuracy') {
    thresholds.forEach((t, i) => {
      if (t <= 0 || t > 1) problems.push(`Accuracy threshold for ${i + 1}/5 (${t}) must lie in (0, 1].`);
    });
  } else if (metric !== undefined) {
    thresholds.forEach((t, i) => {
      if (t < 0) problems.push(`Error threshold for ${i + 1}/5 (${t}) cannot be negative.`);
    });
  }
  return problems;
}
