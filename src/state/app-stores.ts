/**
 * Builds the app's stores and wires them together. Each store knows only its own
 * concern; the links between them (a graded submission becomes an attempt, a
 * failed save raises the banner) are made here.
 */
import { restoreAndResolve } from '../core/custom-drill-entry';
import type { DrillRegistry } from '../core/registry';
import type { DojoStorage } from '../storage/dojo-storage';
import { createMemoryModelStorage, type ModelStorage } from '../storage/model-storage';
import { memoryExamStorage, type ExamPersistence } from '../storage/exam-storage';
import type { GraderClient, RunnerClient } from '../runner/types';
import { createCustomDrillsStore, type CustomDrillsStore } from './custom-drills';
import { createExamStore, type ExamStore } from './exam';
import { createModelImportStore, type ModelImportStore } from './model-import';
import { createNoticesStore, type NoticesStore } from './notices';
import { createProgressStore, type ProgressStore } from './progress';
import { createRunStore, type RunStore } from './run';
import { createSavedModelsStore, type ModelFileCodec, type SavedModelsStore } from './saved-models';
import { createSettingsStore, type Settings, type SettingsStore } from './settings';
import { createWorkspaceStore, type WorkspaceStore } from './workspace';

export interface AppStores {
  workspace: WorkspaceStore;
  run: RunStore;
  progress: ProgressStore;
  settings: SettingsStore;
  notices: NoticesStore;
  exam: ExamStore;
  modelImport: ModelImportStore;
  customDrills: CustomDrillsStore;
  savedModels: SavedModelsStore;
}

export interface AppDeps {
  /** The shipped drills: custom drills are built on them and checked against them. */
  drills: DrillRegistry;
  runner: RunnerClient;
  grader: GraderClient;
  storage: DojoStorage;
  settings: { initial: unknown; persist(settings: Settings): void };
  /** Where the mock exam is kept; in memory when absent. */
  exam?: ExamPersistence;
  /** Where trained models are kept; in memory when absent. */
  models?: ModelStorage;
  now?: () => number;
}

export function createAppStores(deps: AppDeps): AppStores {
  const now = deps.now ?? Date.now;
  const notices = createNoticesStore();
  const onStorageProblem = notices.getState().reportStorageProblem;
  const workspace = createWorkspaceStore({
    storage: deps.storage,
    onStorageProblem,
    onStorageRecovered: () => notices.getState().dismissStorageProblem(),
  });
  const progress = createProgressStore({ storage: deps.storage, onStorageProblem });
  const settings = createSettingsStore(deps.settings);
  const customDrills = createCustomDrillsStore({
    storage: deps.storage,
    onStorageProblem,
    check: (raw) => {
      const resolved = restoreAndResolve(raw, deps.drills);
      return resolved.ok ? { ok: true, value: resolved.value.custom! } : resolved;
    },
  });
  const exam = createExamStore({ persistence: deps.exam ?? memoryExamStorage(), now });
  const savedModels = createSavedModelsStore({ storage: deps.models ?? createMemoryModelStorage(), codec: lazyModelFileCodec, onStorageProblem, now });
  const run = createRunStore({
    runner: deps.runner,
    grader: deps.grader,
    now,
    onCompleted: ({ drillId, source, completed }) => {
      void savedModels.getState().keep({ drillId, code: source, backend: completed.backend, runMs: completed.ms, artifacts: completed.artifacts, stoppedEarly: completed.stoppedEarly });
    },
    onGraded: async ({ drillId, code, report, backend, runMs, artifacts }) => {
      void savedModels.getState().markGraded(artifacts, report.points);
      // While a mock exam runs, a graded model of one of its drills counts for it.
      exam.getState().record({ drillId, points: report.points, trainedFrom: run.getState().startedAt });
      await progress.getState().record({
        drillId,
        at: now(),
        code,
        metric: { name: report.metric.name, value: report.value },
        points: report.points,
        passed: report.passed,
        backend,
        runMs: runMs ?? undefined,
      });
    },
  });
  const modelImport = createModelImportStore({
    grader: deps.grader,
    // The same reader as saved models use, so tfjs is loaded once, on first use.
    readFiles: (files) => lazyModelFileCodec.fromFiles(files),
    // An uploaded model is graded and kept like a submitted one; the exam allowed
    // training anywhere, so it counts for a running mock exam too.
    onGraded: async ({ drillId, report, fileNames }) => {
      exam.getState().record({ drillId, points: report.points });
      await progress.getState().record({
        drillId,
        at: now(),
        code: `// Imported model (${fileNames.join(', ')}): trained outside the lab, no code was run here.\n`,
        metric: { name: report.metric.name, value: report.value },
        points: report.points,
        passed: report.passed,
        backend: null,
      });
    },
  });
  return { workspace, run, progress, settings, notices, exam, modelImport, customDrills, savedModels };
}

/** The model-file reader and writer, loaded on first use: they bring tfjs with them. */
const lazyModelFileCodec: ModelFileCodec = {
  async toFiles(artifacts) {
    return (await import('../core/grading/model-files')).artifactsToFiles(artifacts, 'model');
  },
  async fromFiles(files) {
    return (await import('../core/grading/model-files')).artifactsFromFiles(files);
  },
};
