/** Messages between the app and its trusted grader worker. */
import type { io } from '@tensorflow/tfjs';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { GradeReport } from '../core/grading/report';

export interface GraderRequest {
  id: number;
  drillId: string;
  artifacts: io.ModelArtifacts;
  /** For a custom drill: its definition; the worker checks it again and grades on its base's test split. */
  custom?: CustomDrillDefinition;
  /** Absolute URL of public/datasets/ (the page knows it; the worker's own location is assets/). */
  datasetsUrl: string;
}

export type GraderResponse = { id: number; ok: true; report: GradeReport } | { id: number; ok: false; message: string };
