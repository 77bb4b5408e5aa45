import type { RunProgress, RunView } from '../../state/run-fold';
import { progressSummary } from './progress-text';

export function ProgressView({
  progress,
  live,
  finished = false,
  stoppedAt = null,
}: {
  progress: RunProgress;
  live: boolean;
  finished?: boolean;
  stoppedAt?: RunView['stoppedAt'];
}) {
  const { text, percent, endedEarly } = progressSummary(progress, { live, finished, stoppedAt });
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${(percent ?? 0) / 100})` }} />
      </div>
      <div className="progress-text" data-testid="progress-text">
        {text}
      </div>
      {endedEarly && (
        <p className="hint" data-testid="ended-early">
          {endedEarly}
        </p>
      )}
    </div>
  );
}
