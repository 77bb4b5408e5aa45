/** Run controls and everything the current run shows: status, progress, curves, errors, console, report. */
import type { BackendChoice } from '../../runner/protocol';
import { canSubmit, isLive } from '../../state/run';
import { formatDuration, leakedTensors } from '../../state/run-fold';
import { ExportModelButton } from '../import/ExportModelButton';
import { ReportCard } from '../report/ReportCard';
import { useApp, useStores } from '../stores';
import type { CustomDrillDefinition } from '../../core/custom-drill';
import { formatDate } from '../common/format';
import { BACKEND_LABELS, BackendPicker } from './BackendPicker';
import { KeptModelOffer } from './KeptModelOffer';
import { ConsoleView } from './ConsoleView';
import { ProgressView } from './ProgressView';
import { RunErrorView } from './RunErrorView';
import { nextBackend } from '../../runner/backend';
import { TrainingCharts } from './TrainingCharts';
import { ModelSummaryView } from './ModelSummaryView';
import { TrainAnywayToggle } from './TrainAnywayToggle';
import { keptStoppedSentence, stoppedSentence } from './stop-text';

export function RunPane({
  drillId,
  custom,
  onRun,
  onReveal,
}: {
  drillId: string;
  custom?: CustomDrillDefinition;
  onRun(): void;
  onReveal(line: number, column: number): void;
}) {
  const { run, settings } = useStores();
  const backendPref = useApp('settings', (s) => s.backend);
  const mine = useApp('run', (s) => s.drillId === drillId);
  const status = useApp('run', (s) => s.status);
  const view = useApp('run', (s) => s.view);
  const error = useApp('run', (s) => s.error);
  const completed = useApp('run', (s) => s.completed);
  const grade = useApp('run', (s) => s.grade);
  const report = useApp('run', (s) => s.report);
  const gradeError = useApp('run', (s) => s.gradeError);
  const restoredFrom = useApp('run', (s) => s.restoredFrom);
  const stopped = useApp('run', (s) => s.stopped);
  const submittable = useApp('run', (s) => canSubmit(s) && s.drillId === drillId);

  const live = mine && isLive(status);
  const shownError = mine ? (view.error ?? error) : null;
  const leaked = mine ? leakedTensors(view.tensors) : 0;
  const failedOn = view.backend ?? (backendPref !== 'auto' ? backendPref : null);
  const retryOn = shownError?.kind === 'backend' && failedOn ? nextBackend(failedOn) : undefined;
  const retry = retryOn
    ? {
        label: `Run again on ${BACKEND_LABELS[retryOn]}`,
        onRetry: () => {
          settings.getState().setBackend(retryOn);
          onRun();
        },
      }
    : undefined;

  return (
    <section className="run-pane" id="ws-pane-run" aria-label="Run">
      <div className="run-toolbar">
        <BackendPicker
          value={backendPref}
          onChange={(b: BackendChoice) => settings.getState().setBackend(b)}
          active={mine ? view.backend : null}
          disabled={live}
        />
        <TrainAnywayToggle disabled={live} />
        <div className="run-buttons">
          <button type="button" className="btn btn-primary" onClick={onRun} disabled={live} title="Run (Ctrl+Enter)" aria-keyshortcuts="Control+Enter">
            Run
          </button>
          {/* While the model is handed over, a second press ends the sandbox at once. */}
          <button type="button" className="btn btn-danger" onClick={() => run.getState().stop()} disabled={!live}>
            {live && status === 'stopping' ? 'Stop now' : 'Stop'}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void run.getState().submit()}
            disabled={!submittable}
            title="Submit (Ctrl+Shift+Enter)"
            aria-keyshortcuts="Control+Shift+Enter"
          >
            Submit
          </button>
          <ExportModelButton drillId={drillId} />
        </div>
      </div>

      <p className="run-status" role="status" data-testid="run-status">
        {!mine || status === 'idle' ? (
          'Not run yet. Press Run (Ctrl+Enter) to train in your browser.'
        ) : status === 'starting' ? (
          'Starting…'
        ) : status === 'running' ? (
          <>Training{view.backend ? ` on ${BACKEND_LABELS[view.backend]}` : ''}…</>
        ) : status === 'stopping' ? (
          'Stopping: training ends at its next batch and the model is handed over… (Stop now ends it at once, without the model.)'
        ) : status === 'completed' && restoredFrom !== null ? (
          <>
            Loaded the model trained {formatDate(restoredFrom)}
            {completed ? ` on ${BACKEND_LABELS[completed.backend]}` : ''}. Submit it for a mark, or export it. (Its training curves are not kept.)
          </>
        ) : status === 'completed' && completed?.stoppedEarly ? (
          <>
            {keptStoppedSentence(view.stoppedAt)} Submit it for a mark, or export it.
          </>
        ) : status === 'completed' ? (
          <>
            Finished in {formatDuration(completed?.ms ?? view.ms ?? 0)}
            {completed ? ` on ${BACKEND_LABELS[completed.backend]}` : ''}. Submit the model for a mark.
          </>
        ) : status === 'stopped' ? (
          stoppedSentence(stopped, view.stoppedAt)
        ) : (
          'The run failed. Your code is untouched.'
        )}
      </p>

      {mine && status === 'stopped' && stopped?.model && (
        <div className="kept-model" data-testid="keep-stopped">
          <button type="button" className="btn btn-primary" onClick={() => run.getState().keepStopped()}>
            Keep this model
          </button>
        </div>
      )}

      {/* Not over a live run, even another drill's: loading a model back never interrupts one. */}
      {!isLive(status) && (!mine || status === 'idle') && <KeptModelOffer drillId={drillId} custom={custom} />}

      {mine && view.backendAttempts.some((a) => !a.ok) && (
        <ul className="backend-attempts hint">
          {view.backendAttempts
            .filter((a) => !a.ok)
            .map((a) => (
              <li key={a.backend}>
                {BACKEND_LABELS[a.backend]} unavailable{a.error ? `: ${a.error}` : ''}
              </li>
            ))}
        </ul>
      )}

      {mine && view.progress && <ProgressView progress={view.progress} live={live} finished={status === 'completed'} stoppedAt={view.stoppedAt} />}
      {mine && <ModelSummaryView summary={view.summary} />}
      {mine && <TrainingCharts series={view.series} version={view.seriesVersion} />}
      {shownError && <RunErrorView error={shownError} onReveal={onReveal} retry={retry} />}
      {mine && leaked > 0 && (
        <p className="leak-note" data-testid="leak-note">
          {leaked} {leaked === 1 ? 'tensor' : 'tensors'} leaked: they were created by your code and never disposed. Wrap tensor maths in{' '}
          <code>tf.tidy(() =&gt; …)</code> or call <code>.dispose()</code> when done.
        </p>
      )}
      {mine && view.tensors && leaked === 0 && status === 'completed' && <p className="hint">No tensors leaked.</p>}

      {mine && grade === 'grading' && (
        <p className="run-status" role="status">
          Grading on the hidden test split…
        </p>
      )}
      {mine && grade === 'failed' && gradeError && (
        <div className="run-error" role="alert">
          <h3>The model could not be graded</h3>
          <p>{gradeError}</p>
        </div>
      )}
      {mine && report && completed?.stoppedEarly && (
        <p className="hint" data-testid="report-stopped-early">
          {keptStoppedSentence(view.stoppedAt)} Its mark is for training cut short.
        </p>
      )}
      {mine && report && <ReportCard report={report} focusOnShow />}

      <ConsoleView lines={mine ? view.console : []} dropped={mine ? view.consoleDropped : 0} />
    </section>
  );
}
