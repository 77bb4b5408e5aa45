/** Entry: builds the stores from the real runner, grader and storage, and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registry } from './exercises';
import { createGraderClient } from './runner/grader-client';
import { createSandboxRunner } from './runner/client';
import { createAppStores } from './state/app-stores';
import { installDraftFlush } from './state/lifecycle';
import { createIdbStorage, readSettings, requestPersistentStorage, writeSettings } from './storage';
import { App } from './ui/App';
import { StoresProvider } from './ui/stores';
import './ui/styles.css';

const stores = createAppStores({
  runner: createSandboxRunner(),
  grader: createGraderClient(),
  storage: createIdbStorage(),
  settings: { initial: readSettings(), persist: (s) => void writeSettings(s) },
});

// Before first paint, so a light-theme learner never sees a dark flash.
document.documentElement.dataset.theme = stores.settings.getState().theme;

void stores.progress.getState().load();
installDraftFlush(() => stores.workspace.getState().flush());
void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoresProvider stores={stores} drills={registry}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
