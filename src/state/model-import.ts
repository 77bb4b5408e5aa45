/**
 * "Grade a model": files a learner uploads (model.json + weight shards) become
 * artifacts and go to the same grader as a browser-trained model.
 * Every failure ends as `error`, a message for the learner: the reader's and the
 * grader's `ModelFileError`s are written to be shown as they are.
 */
import type { io } from '@tensorflow/tfjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { GradeReport } from '../core/grading/report';
import type { ModelFile } from '../core/grading/model-files';
import type { GraderClient } from '../runner/types';

export type ImportStatus = 'idle' | 'reading' | 'grading' | 'graded' | 'failed';

export interface ImportedGrade {
  drillId: string;
  report: GradeReport;
  fileNames: string[];
}

export interface ModelImportState {
  status: ImportStatus;
  drillId: string | null;
  fileNames: string[];
  report: GradeReport | null;
  error: string | null;
  /** `custom`: the definition when `drillId` is a learner's custom drill. */
  grade(drillId: string, files: readonly ModelFile[], custom?: CustomDrillDefinition): Promise<void>;
  reset(): void;
}

export type ModelImportStore = StoreApi<ModelImportState>;

export interface ModelImportDeps {
  grader: GraderClient;
  /** Files → artifacts; throws ModelFileError. The app passes its lazily loaded model-file reader. */
  readFiles(files: readonly ModelFile[]): Promise<io.ModelArtifacts>;
  onGraded?(grade: ImportedGrade): void | Promise<void>;
}

export function createModelImportStore(deps: ModelImportDeps): ModelImportStore {
  // A newer upload supersedes one still being graded.
  let generation = 0;
  const idle = { status: 'idle' as ImportStatus, drillId: null, fileNames: [], report: null, error: null };

  return createStore<ModelImportState>()((set) => ({
    ...idle,

    async grade(drillId, files, custom) {
      const mine = ++generation;
      const fileNames = files.map((f) => f.name);
      set({ status: 'reading', drillId, fileNames, report: null, error: null });
      const fail = (e: unknown) => {
        if (mine === generation) set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
      };
      let artifacts: io.ModelArtifacts;
      try {
        artifacts = await deps.readFiles(files);
      } catch (e) {
        return fail(e);
      }
      if (mine !== generation) return;
      set({ status: 'grading' });
      let report: GradeReport;
      try {
        report = await deps.grader.grade(drillId, artifacts, custom);
      } catch (e) {
        return fail(e);
      }
      if (mine !== generation) return;
      set({ status: 'graded', report });
      await deps.onGraded?.({ drillId, report, fileNames });
    },

    reset() {
      generation += 1;
      set(idle);
    },
  }));
}
