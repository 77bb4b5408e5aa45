/**
 * "Make available offline": the app itself is precached by the service worker;
 * datasets are cached when first used, or here ahead of time, one by one or all
 * at once, with progress and sizes.
 */
import { useEffect, useMemo, useState } from 'react';
import { formatBytes } from '../common/format';
import { cacheAvailable, datasetStatus, makeDatasetOffline, type DatasetOfflineStatus, type FetchProgress } from '../offline/dataset-cache';
import { useDrills } from '../stores';
import { useOnline } from '../common/use-online';

type Row = { name: string; status: DatasetOfflineStatus | null; progress?: FetchProgress; error?: string };

export function OfflineDatasets() {
  const registry = useDrills();
  const names = useMemo(() => [...new Set(registry.list().map((d) => d.dataset))].sort(), [registry]);
  const [rows, setRows] = useState<Row[]>(() => names.map((name) => ({ name, status: null })));
  const [busy, setBusy] = useState(false);
  const online = useOnline();

  const patch = (name: string, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.name === name ? { ...r, ...change } : r)));

  useEffect(() => {
    // Read again when back online: sizes of datasets not kept can then be read. A
    // read that finishes after the page has moved on is dropped.
    let current = true;
    void Promise.all(names.map((n) => datasetStatus(n).catch(() => null))).then((statuses) => {
      if (current) setRows((rs) => rs.map((r, i) => ({ ...r, status: statuses[i] ?? r.status })));
    });
    return () => {
      current = false;
    };
  }, [names, online]);

  const fetchOne = async (name: string) => {
    patch(name, { error: undefined, progress: { loadedBytes: 0, totalBytes: 0 } });
    try {
      await makeDatasetOffline(name, (progress) => patch(name, { progress }));
      patch(name, { progress: undefined, status: await datasetStatus(name) });
    } catch (e) {
      patch(name, { progress: undefined, error: `${(e as Error).message} Are you online?` });
    }
  };

  const run = async (list: string[]) => {
    setBusy(true);
    try {
      for (const name of list) await fetchOne(name);
    } finally {
      setBusy(false);
    }
  };

  if (!cacheAvailable()) {
    return (
      <section className="field" aria-labelledby="offline-title">
        <h2 id="offline-title">Offline</h2>
        <p>This browser has no Cache Storage here (it needs https or localhost), so datasets cannot be kept for offline use.</p>
      </section>
    );
  }

  const known = rows.filter((r) => r.status);
  const total = known.reduce((n, r) => n + r.status!.bytes, 0);
  const cached = known.reduce((n, r) => n + r.status!.cachedBytes, 0);
  const missing = rows.filter((r) => !r.status?.offline).map((r) => r.name);

  return (
    <section className="field" aria-labelledby="offline-title">
      <h2 id="offline-title">Offline</h2>
      <p className="hint">
        After one visit the app itself works offline. Datasets are kept once a drill has used them; make them available here before you lose the network.
      </p>
      {!online && (
        <p className="hint" role="status" data-testid="offline-now">
          You are offline: datasets not kept already cannot be downloaded now. Drills whose data is marked “Available offline” still run.
        </p>
      )}
      <div className="settings-row">
        {online && (
          <button type="button" className="btn" disabled={busy || missing.length === 0} onClick={() => void run(missing)}>
            Make all available offline
          </button>
        )}
        <span data-testid="offline-total">
          {formatBytes(cached)} of {formatBytes(total)} kept offline
        </span>
      </div>
      <ul className="dataset-list">
        {rows.map((r) => (
          <li key={r.name} data-testid={`offline-dataset-${r.name}`}>
            <span className="dataset-name">{r.status?.title ?? r.name}</span>
            <span className="dataset-size">{r.status ? formatBytes(r.status.bytes) : '—'}</span>
            {r.progress ? (
              <progress
                max={r.progress.totalBytes || 1}
                value={r.progress.loadedBytes}
                aria-label={`Downloading ${r.name}: ${formatBytes(r.progress.loadedBytes)} of ${formatBytes(r.progress.totalBytes)}`}
              />
            ) : r.status?.offline ? (
              <span className="dataset-state ok">Available offline</span>
            ) : !online ? (
              <span className="dataset-state">Not kept: needs the network</span>
            ) : (
              <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => void run([r.name])} aria-label={`Make ${r.name} available offline`}>
                Make available offline
              </button>
            )}
            {r.error && (
              <span role="alert" className="save-warning">
                {r.error}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
