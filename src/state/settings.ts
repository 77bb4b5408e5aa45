/** Learner preferences: which backend to run on and the colour theme. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BACKENDS, type BackendChoice } from '../runner/protocol';

export type Theme = 'dark' | 'light';
/** 'plain' is a textarea: friendlier to screen readers and to scripted input than Monaco. */
export type EditorKind = 'monaco' | 'plain';

export interface Settings {
  backend: BackendChoice;
  theme: Theme;
  editor: EditorKind;
  /** Train a model that breaks the drill's contract instead of stopping at its first fit (off: stop, as the grader would refuse it). */
  trainAnyway: boolean;
}

export const DEFAULT_SETTINGS: Settings = { backend: 'auto', theme: 'dark', editor: 'monaco', trainAnyway: false };

/** Repairs whatever was stored (old versions, hand edits) into valid settings. */
export function restoreSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const backend = r.backend === 'auto' || (BACKENDS as readonly unknown[]).includes(r.backend) ? (r.backend as BackendChoice) : DEFAULT_SETTINGS.backend;
  const theme = r.theme === 'light' || r.theme === 'dark' ? r.theme : DEFAULT_SETTINGS.theme;
  const editor = r.editor === 'plain' || r.editor === 'monaco' ? r.editor : DEFAULT_SETTINGS.editor;
  const trainAnyway = r.trainAnyway === true;
  return { backend, theme, editor, trainAnyway };
}

export interface SettingsState extends Settings {
  setBackend(backend: BackendChoice): void;
  setTheme(theme: Theme): void;
  setEditor(editor: EditorKind): void;
  setTrainAnyway(on: boolean): void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(deps: { initial: unknown; persist(settings: Settings): void }): SettingsStore {
  return createStore<SettingsState>()((set, get) => {
    const update = (patch: Partial<Settings>) => {
      set(patch);
      const { backend, theme, editor, trainAnyway } = get();
      deps.persist({ backend, theme, editor, trainAnyway });
    };
    return {
      ...restoreSettings(deps.initial),
      setBackend: (backend) => update({ backend }),
      setTheme: (theme) => update({ theme }),
      setEditor: (editor) => update({ editor }),
      setTrainAnyway: (trainAnyway) => update({ trainAnyway }),
    };
  });
}
