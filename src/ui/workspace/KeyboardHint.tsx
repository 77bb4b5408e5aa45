/**
 * The editor's keys, under it: Tab indents inside Monaco, so how to get out has to
 * be on screen, not only in a help dialog.
 */
export function KeyboardHint({ tabMovesFocus, plain }: { tabMovesFocus: boolean; plain: boolean }) {
  return (
    <p className="hint editor-keys" data-testid="editor-keys">
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
