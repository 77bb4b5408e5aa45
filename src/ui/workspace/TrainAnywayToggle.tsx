/**
 * "Train anyway": a run normally stops at its first `fit` when the model breaks the
 * drill's contract (the grader would refuse it, so training it cannot pass). Some
 * learners want to experiment regardless; this setting lets them, with a warning.
 */
import { useApp, useStores } from '../stores';

export function TrainAnywayToggle({ disabled }: { disabled?: boolean }) {
  const { settings } = useStores();
  const on = useApp('settings', (s) => s.trainAnyway);
  return (
    <label className="train-anyway" title="Train a model that breaks the drill's contract instead of stopping at its first fit (the grader will still refuse it).">
      <input type="checkbox" checked={on} disabled={disabled} onChange={(e) => settings.getState().setTrainAnyway(e.currentTarget.checked)} data-testid="train-anyway" />{' '}
      Train anyway
    </label>
  );
}
