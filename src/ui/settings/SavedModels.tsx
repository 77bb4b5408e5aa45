/** Settings → Saved models: every kept trained model, to export or delete; a drill's own page loads one back to submit. */
import { useState } from 'react';
import { routeHref } from '../../state/route';
import { SAVED_MODELS_PER_DRILL } from '../../storage/db';
import { formatBytes, formatDate } from '../common/format';
import { downloadFiles } from '../import/download';
import { useApp, useDrills, useStores } from '../stores';
import { BACKEND_LABELS } from '../workspace/BackendPicker';

export function SavedModels() {
  const registry = useDrills();
  const { savedModels } = useStores();
  const models = useApp('savedModels', (s) => s.models);
  const [problem, setProblem] = useState<string | null>(null);
  const total = models.reduce((n, m) => n + m.bytes, 0);

  const exportOne = async (id: number, drillId: string) => {
    setProblem(null);
    try {
      const files = await savedModels.getState().files(id);
      // The files keep the names Export model gives them; a drill prefix tells downloads apart.
      downloadFiles(files.map((f) => ({ name: `${drillId}-${f.name}`, bytes: f.bytes })));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="field" aria-labelledby="saved-models-title">
      <h2 id="saved-models-title">Saved models</h2>
      <p className="hint">
        Every run that finishes keeps its model here (the last {SAVED_MODELS_PER_DRILL} per drill), so a reload never loses a training run. Open the drill to load one
        back and submit it.
      </p>
      {models.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <>
          <p className="hint">
            {models.length} {models.length === 1 ? 'model' : 'models'}, {formatBytes(total)}.
          </p>
          <ul className="kept-list">
            {models.map((m) => (
              <li key={m.id} data-testid="saved-model">
                <strong>{registry.has(m.drillId) ? registry.get(m.drillId).drill.title : m.drillId}</strong> — {formatDate(m.savedAt)}
                {m.backend ? `, ${BACKEND_LABELS[m.backend]}` : ''}, {formatBytes(m.bytes)}, {m.points === null ? 'not submitted' : `${m.points}/5`}
                {m.stoppedEarly ? ', stopped early' : ''}{' '}
                {registry.has(m.drillId) && <a href={routeHref({ name: 'drill', id: m.drillId })}>Open drill</a>}{' '}
                <button type="button" className="btn btn-quiet" onClick={() => void exportOne(m.id, m.drillId)}>
                  Export
                </button>{' '}
                <button type="button" className="btn btn-quiet" onClick={() => void savedModels.getState().remove(m.id)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p role="alert" className="save-warning">
          {problem}
        </p>
      )}
    </section>
  );
}
