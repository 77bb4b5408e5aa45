/** Entry: builds the stores from the real runner, grader and storage, and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registry } from './exercises';
import { lazyGrader, lazyRunner } from './runner/lazy-clients';
import { createAppStores } from './state/app-stores';
import { installDraftFlush } from './state/lifecycle';
import { createIdbStorage, readSettings, requestPersistentStorage, writeSettings } from './storage';
import { localExamStorage } from './storage/exam-storage';
import { createIdbModelStorage } from './storage/model-storage';
import { App } from './ui/App';
import { whenTypesSettled } from './ui/editor/types-status';
import { StoresProvider } from './ui/stores';
import './ui/styles.css';

const stores = createAppStores({
  drills: registry,
  // Loaded after first paint: neither is needed to show the board or the editor.
  // The spare sandbox boots once the editor's completions are in (see createSandboxRunner).
  runner: lazyRunner(() => import('./runner/client').then((m) => m.createSandboxRunner({ bootSpareAfter: whenTypesSettled }))),
  grader: lazyGrader(() => import('./runner/grader-client').then((m) => m.createGraderClient())),
  storage: createIdbStorage(),
  settings: { initial: readSettings(), persist: (s) => void writeSettings(s) },
  exam: localExamStorage(),
  models: createIdbModelStorage(),
});

// Before first paint, so a light-theme learner never sees a dark flash.
document.documentElement.dataset.theme = stores.settings.getState().theme;

void stores.progress.getState().load();
void stores.customDrills.getState().load();
void stores.savedModels.getState().load();
installDraftFlush(() => stores.workspace.getState().flush());
void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoresProvider stores={stores} drills={registry}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
