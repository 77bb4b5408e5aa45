/** Messages between the app and its trusted grader worker. */
import type { io } from '@tensorflow/tfjs';
import type { GradeReport } from '../core/grading/report';

export interface GraderRequest {
  id: number;
  drillId: string;
  artifacts: io.ModelArtifacts;
}

export type GraderResponse = { id: number; ok: true; report: GradeReport } | { id: number; ok: false; message: string };
