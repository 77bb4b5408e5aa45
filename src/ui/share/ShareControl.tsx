/**
 * "Copy link": the drill and the current draft as a `#v1/…` link. The link is
 * also shown in a text field, selected, because clipboard access can be refused
 * (permissions, insecure origins) and the learner must still be able to copy it.
 */
import { useEffect, useRef, useState } from 'react';
import type { CustomDrillDefinition } from '../../core/custom-drill';
import { encodeShareLink } from '../../core/share';
import { useStores } from '../stores';
import { shareUrl } from './share-url';
import './share.css';

type Panel = { kind: 'link'; url: string; copied: boolean } | { kind: 'error'; message: string } | null;

/** `custom`: a custom drill's definition, which the link carries so that it opens anywhere. */
export function ShareControl({ drillId, custom, disabled }: { drillId: string; custom?: CustomDrillDefinition; disabled?: boolean }) {
  const { workspace } = useStores();
  const [panel, setPanel] = useState<Panel>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (panel?.kind === 'link') fieldRef.current?.select();
  }, [panel]);

  const share = async () => {
    const code = workspace.getState().drafts[drillId] ?? '';
    const encoded = encodeShareLink({ drillId, code, custom });
    if (!encoded.ok) {
      setPanel({ kind: 'error', message: encoded.error.message });
      return;
    }
    const url = shareUrl(encoded.hash);
    setPanel({ kind: 'link', url, copied: false });
    try {
      await navigator.clipboard.writeText(url);
      setPanel({ kind: 'link', url, copied: true });
    } catch {
      // Refused or unavailable: the selected field below is the fallback.
    }
  };

  return (
    <>
      <button type="button" className="btn btn-quiet" disabled={disabled} onClick={() => void share()}>
        Copy link
      </button>
      {panel && (
        <div className="share-panel" role="dialog" aria-label="Share this drill" onKeyDown={(e) => e.key === 'Escape' && setPanel(null)}>
          {panel.kind === 'error' ? (
            <p role="alert">{panel.message}</p>
          ) : (
            <>
              <label htmlFor="share-link-field">{panel.copied ? 'Link copied. It holds your code; opening it runs nothing.' : 'Copy this link. It holds your code; opening it runs nothing.'}</label>
              <input id="share-link-field" ref={fieldRef} className="share-link-field" readOnly value={panel.url} onFocus={(e) => e.currentTarget.select()} />
              <p className="hint">{panel.url.length.toLocaleString('en')} characters. Works offline and from any copy of Tensor Dojo.</p>
            </>
          )}
          <button type="button" className="btn btn-quiet" onClick={() => setPanel(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
