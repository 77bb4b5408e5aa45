/**
 * The report card: everything the grader found, as plain data the app renders
 * and the CLI prints (`--json`).
 */
import type { MetricSpec, Thresholds } from '../drill';

export interface ContractCheck {
  /** Stable id, e.g. 'input-shape', 'output-units', 'output-activation', 'forbidden-layers', 'max-params'. */
  id: string;
  passed: boolean;
  /** Exam-style sentence, e.g. "Input shape is [null, 28, 28] but the drill requires [null, 28, 28, 1]." */
  message: string;
}

export interface ClassifierDetails {
  kind: 'classifier';
  classNames: string[];
  /** `confusion[actual][predicted]` counts. */
  confusion: number[][];
  perClassAccuracy: number[];
  /** Most confidently wrong test examples, worst first. */
  worst: Array<{
    index: number;
    actual: number;
    predicted: number;
    confidence: number;
    text?: string;
    /** Small RGB or grey thumbnail for display. */
    image?: { width: number; height: number; channels: number; pixels: number[] };
  }>;
}

export interface RegressionDetails {
  kind: 'regression';
  /** A sample of predictions against truth, in order (forecast vs actual for series). */
  predicted: number[];
  actual: number[];
  /** Unit for display, if the drill gave one. */
  unit?: string;
}

export interface GradeReport {
  drill: string;
  metric: MetricSpec;
  /** The metric on the held-out test split; null when a contract check failed first or the model predicted NaN. */
  value: number | null;
  /** For an error metric on a scaled series (GradeInputs.scale): the value in the original unit, for display. */
  valueInUnit?: { value: number; unit: string };
  thresholds: Thresholds;
  points: number;
  maxPoints: 5;
  passed: boolean;
  checks: ContractCheck[];
  /** Sentences that explain the mark, first the most important. */
  reasons: string[];
  details?: ClassifierDetails | RegressionDetails;
  /** When re-graded several times: each value, to show the spread. */
  spread?: number[];
  testExamples: number;
  gradedAt: string;
  ms: number;
}
