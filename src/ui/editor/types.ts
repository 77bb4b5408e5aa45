/**
 * The editor as the rest of the app sees it: a value, a change callback and a few
 * imperative moves. Monaco stands behind it; a textarea stands in while Monaco
 * loads (and could in tests).
 */
export interface CodeEditorHandle {
  /** Put the cursor at a 1-based line and column, scroll it into view, focus. */
  revealPosition(line: number, column: number): void;
  focus(): void;
}

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  language: 'typescript';
  /**
   * Identifies the document: a new id means a new file (fresh undo history),
   * while a changed value under the same id is an edit (undoable).
   */
  docId: string;
  theme: 'dark' | 'light';
  /** Accessible name of the editing surface. */
  label: string;
  /** Ctrl/Cmd+Enter. */
  onRun?(): void;
  /** Ctrl/Cmd+Shift+Enter. */
  onSubmit?(): void;
  /** Alt+F1: the learner asks which keys the editor has. */
  onKeyboardHelp?(): void;
  /** Whether Tab now moves focus out of the editor (Ctrl+M, or Escape just pressed). */
  onTabMovesFocus?(on: boolean): void;
  /** An error to underline, e.g. from the last run. */
  marker?: EditorMarker | null;
  readOnly?: boolean;
  /** Use the textarea even when Monaco could load. */
  plain?: boolean;
  ref?: React.Ref<CodeEditorHandle>;
}

/** Character offset of a 1-based line/column in `text` (clamped). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd === -1 ? text.length : lineEnd;
  return Math.min(offset + Math.max(0, column - 1), end);
}
