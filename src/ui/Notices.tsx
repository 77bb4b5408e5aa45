/** The storage banner and the toasts. Neither blocks the page. */
import { useEffect } from 'react';
import { useApp, useStores } from './stores';

const TOAST_MS = 8000;

export function Notices() {
  const problem = useApp('notices', (s) => s.storageProblem);
  const toasts = useApp('notices', (s) => s.toasts);
  const { notices } = useStores();

  return (
    <>
      {problem && (
        <div className={`banner banner-${problem.kind}`} role="alert" data-testid="storage-banner">
          <span className="banner-text">{problem.message}</span>
          <details className="banner-detail">
            <summary>Details</summary>
            <code>{problem.detail}</code>
          </details>
          <button type="button" className="btn btn-quiet" onClick={() => notices.getState().dismissStorageProblem()}>
            Dismiss
          </button>
        </div>
      )}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <ToastView key={t.id} id={t.id} text={t.text} action={t.action} />
        ))}
      </div>
    </>
  );
}

function ToastView({ id, text, action }: { id: number; text: string; action?: { label: string; run: () => void } }) {
  const { notices } = useStores();
  useEffect(() => {
    const timer = setTimeout(() => notices.getState().dismissToast(id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [id, notices]);
  return (
    <div className="toast">
      <span>{text}</span>
      {action && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            action.run();
            notices.getState().dismissToast(id);
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="btn btn-quiet" aria-label="Close notice" onClick={() => notices.getState().dismissToast(id)}>
        ×
      </button>
    </div>
  );
}
