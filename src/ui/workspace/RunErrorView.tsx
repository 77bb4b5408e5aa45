/** A learner error: what, where (a button that moves the cursor there), what to try. */
import type { LearnerError } from '../../runner/protocol';
import { routeHref } from '../../state/route';
import { useOnline } from '../common/use-online';
import { datasetProblem } from './dataset-problem';

const KIND_TITLES: Record<LearnerError['kind'], string> = {
  syntax: 'Your code does not compile',
  runtime: 'Your code threw an error',
  contract: 'The model cannot be graded',
  backend: 'The backend failed',
};

/** When a backend failed (missing kernel, lost context), one click re-runs on the next one down the chain. */
export interface RetryOffer {
  label: string;
  onRetry(): void;
}

export function RunErrorView({ error, onReveal, retry }: { error: LearnerError; onReveal(line: number, column: number): void; retry?: RetryOffer }) {
  const online = useOnline();
  const pos = error.position;
  const data = datasetProblem(error.message, online);
  if (data) {
    return (
      <div className="run-error" role="alert" data-testid="run-error">
        <h3>{data.title}</h3>
        <p className="run-error-message">{data.message}</p>
        {data.offline && (
          <p>
            <a href={`${routeHref({ name: 'settings' })}`}>Settings → Offline</a>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="run-error" role="alert" data-testid="run-error">
      <h3>{KIND_TITLES[error.kind]}</h3>
      <p className="run-error-message">
        <InlineCode text={error.message} />
      </p>
      {pos && (
        <p>
          <button type="button" className="link-button" onClick={() => onReveal(pos.line, pos.column)}>
            line {pos.line}, column {pos.column}
          </button>
        </p>
      )}
      {error.hint && <p className="hint">{error.hint}</p>}
      {retry && (
        <p>
          <button type="button" className="btn" onClick={retry.onRetry}>
            {retry.label}
          </button>
        </p>
      )}
      {error.original && (
        <details data-testid="run-error-original">
          <summary>What tfjs said</summary>
          <pre>{error.original}</pre>
        </details>
      )}
      {error.stack && (
        <details>
          <summary>Stack</summary>
          <pre>{error.stack}</pre>
        </details>
      )}
    </div>
  );
}

/** Messages name code in `backticks` (markdown habit); show those spans as code, not as literal backticks. */
function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
