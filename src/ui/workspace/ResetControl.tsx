/** "Reset to starter", confirmed first, then undoable from a toast. */
import { useEffect, useRef, useState } from 'react';
import { useStores } from '../stores';

export function ResetControl({ drillId, starter, disabled }: { drillId: string; starter: string; disabled?: boolean }) {
  const { workspace, notices } = useStores();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    openerRef.current?.focus();
  };

  const reset = () => {
    workspace.getState().resetToStarter(drillId, starter);
    setConfirming(false);
    if (workspace.getState().lastReset) {
      notices.getState().pushToast('Your draft was replaced by the starter.', { label: 'Undo', run: () => workspace.getState().undoReset() });
    }
  };

  return (
    <>
      <button ref={openerRef} type="button" className="btn btn-quiet" disabled={disabled} onClick={() => setConfirming(true)}>
        Reset to starter
      </button>
      {confirming && (
        <div
          className="confirm"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="reset-title"
          aria-describedby="reset-desc"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p id="reset-title">
            <strong>Replace your code with the starter?</strong>
          </p>
          <p id="reset-desc">You can undo this right after.</p>
          <div className="confirm-buttons">
            <button type="button" className="btn btn-danger" onClick={reset}>
              Reset
            </button>
            <button ref={cancelRef} type="button" className="btn" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
