/**
 * Registers the service worker and offers a new version when one is waiting:
 * "Update available — Reload". Never reloads by itself, and holds the reload
 * back while a run is training so an update cannot cut it off.
 */
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { isLive } from '../../state/run';
import { useApp } from '../stores';
import { removeOldDatasetCaches } from './dataset-cache';
import './offline.css';

let update: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<(state: 'idle' | 'waiting' | 'ready') => void>();
let current: 'idle' | 'waiting' | 'ready' = 'idle';

function setState(next: typeof current) {
  current = next;
  for (const l of listeners) l(next);
}

/** Once per page, whatever React's StrictMode does with effects. */
function registerOnce() {
  if (update || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  update = registerSW({
    onNeedRefresh: () => setState('waiting'),
    onOfflineReady: () => setState('ready'),
  });
  void removeOldDatasetCaches();
}

export function UpdatePrompt() {
  const [state, setLocal] = useState(current);
  const [dismissed, setDismissed] = useState(false);
  const running = useApp('run', (s) => isLive(s.status));

  useEffect(() => {
    listeners.add(setLocal);
    registerOnce();
    return () => {
      listeners.delete(setLocal);
    };
  }, []);

  useEffect(() => {
    // "Works offline" is news once; it should not sit over the run pane.
    if (state !== 'ready') return;
    const timer = setTimeout(() => setDismissed(true), 8000);
    return () => clearTimeout(timer);
  }, [state]);

  if (dismissed || state === 'idle') return null;
  if (state === 'ready') {
    return (
      <div className="pwa-toast toast" role="status" data-testid="offline-ready">
        <span>Tensor Dojo now works offline (datasets once used, or made available in Settings).</span>
        <button type="button" className="btn btn-quiet" aria-label="Close notice" onClick={() => setDismissed(true)}>
          ×
        </button>
      </div>
    );
  }
  return (
    <div className="toast update-toast" role="status" data-testid="update-available">
      <span>{running ? 'Update available — reload after this run.' : 'Update available.'}</span>
      <button type="button" className="btn" disabled={running} onClick={() => void update?.(true)}>
        Reload
      </button>
      <button type="button" className="btn btn-quiet" aria-label="Later" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  );
}
