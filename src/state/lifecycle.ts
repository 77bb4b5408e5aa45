/**
 * Saves drafts when the page is hidden or being unloaded: the last moment a
 * closing tab, a phone switching apps or a crashing renderer gives us.
 */
export function installDraftFlush(
  flush: () => Promise<void>,
  targets: { window: Pick<Window, 'addEventListener' | 'removeEventListener'>; document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> } = {
    window,
    document,
  },
): () => void {
  const onVisibility = () => {
    if (targets.document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  targets.document.addEventListener('visibilitychange', onVisibility);
  targets.window.addEventListener('pagehide', onPageHide);
  return () => {
    targets.document.removeEventListener('visibilitychange', onVisibility);
    targets.window.removeEventListener('pagehide', onPageHide);
  };
}
