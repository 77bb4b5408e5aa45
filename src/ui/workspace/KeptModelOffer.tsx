/**
 * After a reload (or a crash, or a day away) the run pane offers the last model
 * this drill trained, so a finished training run is never lost: loaded back, it
 * is the drill's completed run again and can be submitted or exported.
 */
import { useState } from 'react';
import type { CustomDrillDefinition } from '../../core/custom-drill';
import { formatDuration } from '../../state/run-fold';
import { formatDate } from '../common/format';
import { useApp, useStores } from '../stores';
import { BACKEND_LABELS } from './BackendPicker';

export function KeptModelOffer({ drillId, custom }: { drillId: string; custom?: CustomDrillDefinition }) {
  const { run, savedModels } = useStores();
  const latest = useApp('savedModels', (s) => s.models.find((m) => m.drillId === drillId));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!latest) return null;

  const load = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const artifacts = await savedModels.getState().artifacts(latest.id);
      run.getState().restore({
        drillId,
        source: latest.code,
        custom,
        completed: { artifacts, backend: latest.backend ?? 'cpu', ms: latest.runMs ?? 0, ...(latest.stoppedEarly ? { stoppedEarly: true } : {}) },
        trainedAt: latest.savedAt,
      });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kept-model" data-testid="kept-model">
      <p>
        Your last trained model for this drill: {formatDate(latest.savedAt)}
        {latest.backend ? ` on ${BACKEND_LABELS[latest.backend]}` : ''}
        {latest.runMs ? `, ${formatDuration(latest.runMs)} of training` : ''}
        {latest.stoppedEarly ? ' (stopped early)' : ''}, {latest.points === null ? 'not submitted' : `marked ${latest.points}/5`}.
      </p>
      <button type="button" className="btn" disabled={busy} onClick={() => void load()}>
        Load it to submit or export
      </button>
      {problem && (
        <p className="run-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
