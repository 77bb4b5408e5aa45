/**
 * "Export model" after a completed run: the trained model as `model.json` +
 * `model.weights.bin`, the files `model.save('downloads://model')` would write, so
 * they load with `tf.loadLayersModel` and come back in through "Grade a model".
 */
import { useState } from 'react';
import { useApp, useStores } from '../stores';
import { downloadFiles } from './download';
import './import.css';

export function ExportModelButton({ drillId }: { drillId: string }) {
  const { run } = useStores();
  const ready = useApp('run', (s) => s.drillId === drillId && s.status === 'completed' && s.completed !== null);
  const [error, setError] = useState<string | null>(null);

  const exportModel = async () => {
    const completed = run.getState().completed;
    if (!completed) return;
    setError(null);
    try {
      const { artifactsToFiles } = await import('../../core/grading/model-files');
      downloadFiles(artifactsToFiles(completed.artifacts, 'model'));
    } catch (e) {
      setError(`The model could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={exportModel}
        disabled={!ready}
        title="Download the trained model as model.json + model.weights.bin"
      >
        Export model
      </button>
      {error && (
        <span className="import-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
