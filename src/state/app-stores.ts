/**
 * Builds the app's stores and wires them together. Each store knows only its own
 * concern; the links between them (a graded submission becomes an attempt, a
 * failed save raises the banner) are made here.
 */
import type { DojoStorage } from '../storage/dojo-storage';
import type { GraderClient, RunnerClient } from '../runner/types';
import { createNoticesStore, type NoticesStore } from './notices';
import { createProgressStore, type ProgressStore } from './progress';
import { createRunStore, type RunStore } from './run';
import { createSettingsStore, type Settings, type SettingsStore } from './settings';
import { createWorkspaceStore, type WorkspaceStore } from './workspace';

export interface AppStores {
  workspace: WorkspaceStore;
  run: RunStore;
  progress: ProgressStore;
  settings: SettingsStore;
  notices: NoticesStore;
}

export interface AppDeps {
  runner: RunnerClient;
  grader: GraderClient;
  storage: DojoStorage;
  settings: { initial: unknown; persist(settings: Settings): void };
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
  const run = createRunStore({
    runner: deps.runner,
    grader: deps.grader,
    now,
    onGraded: async ({ drillId, code, report, backend, runMs }) => {
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
  return { workspace, run, progress, settings, notices };
}
