/**
 * The editor's keys, under it: Tab indents inside Monaco, so how to get out has to
 * be on screen, not only in a help dialog.
 */
export function KeyboardHint({ tabMovesFocus, plain, expanded = false }: { tabMovesFocus: boolean; plain: boolean; expanded?: boolean }) {
  return (
    <p className="hint editor-keys" data-testid="editor-keys" aria-live="polite">
      {expanded && (
        <>
          <strong>Editor keys.</strong> Ctrl+Space lists completions, F8 goes to the next error, Ctrl+F finds, Alt+F1 shows this.{' '}
        </>
      )}
      {plain ? (
        'Tab moves focus.'
      ) : tabMovesFocus ? (
        <>
          <strong>Tab moves focus</strong> (<kbd>Ctrl</kbd>+<kbd>M</kbd> to indent with Tab again).
        </>
      ) : (
        <>
          Tab indents. To leave the editor: <kbd>Esc</kbd> then <kbd>Tab</kbd>, or <kbd>Ctrl</kbd>+<kbd>M</kbd> to make Tab move focus.
        </>
      )}{' '}
      <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> submits.
    </p>
  );
}
