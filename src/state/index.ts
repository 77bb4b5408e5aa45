/** App state: small zustand (vanilla) stores, one per concern, wired in `createAppStores`. */
export type { AppDeps, AppStores } from './app-stores';
export { createAppStores } from './app-stores';
export type { SaveStatus } from './draft-saver';
export { createDraftSaver } from './draft-saver';
export { installDraftFlush } from './lifecycle';
export type { NoticesState, NoticesStore, Toast } from './notices';
export type { DrillProgress, DrillStatus, ProgressState, ProgressStore } from './progress';
export { progressByDrill, STATUS_LABELS, summarizeAttempts } from './progress';
export type { Route } from './route';
export { parseRoute, routeHref } from './route';
export type { CompletedRun, GradeStatus, GradedSubmission, RunState, RunStatus, RunStore } from './run';
export { canSubmit, isLive } from './run';
export type { ConsoleLine, RunProgress, RunView, TensorCounts, TrainingSeries } from './run-fold';
export { formatDuration, leakedTensors, pickMetricKey } from './run-fold';
export type { EditorKind, Settings, SettingsState, SettingsStore, Theme } from './settings';
export { DEFAULT_SETTINGS, restoreSettings } from './settings';
export type { WorkspaceState, WorkspaceStore } from './workspace';
export { isUnsaved } from './workspace';
