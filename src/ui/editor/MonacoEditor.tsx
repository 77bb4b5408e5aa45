/** Monaco behind the `CodeEditorProps` interface. Loaded with `import()` by CodeEditor. */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { DRILL_URI, monaco, setUpTypeScript, TabFocus } from './monaco-setup';
import type { CodeEditorProps } from './types';
import { onTypesStatus, typesStatus } from './types-status';

export default function MonacoEditor({ value, onChange, docId, theme, label, onRun, onSubmit, onTabMovesFocus, onKeyboardHelp, marker, readOnly, ref }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The latest callbacks, without re-creating the editor: refreshed after every render
  // (a layout effect, so before any keystroke can reach them), never during one.
  const callbacks = useRef({ onChange, onRun, onSubmit, onTabMovesFocus, onKeyboardHelp });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onRun, onSubmit, onTabMovesFocus, onKeyboardHelp };
  });
  const applyingProp = useRef(false);
  const docRef = useRef(docId);

  useEffect(() => {
    void setUpTypeScript();
    const uri = monaco.Uri.parse(DRILL_URI);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'typescript', uri);
    if (model.getValue() !== value) model.setValue(value);
    const editor = monaco.editor.create(host.current!, {
      model,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      readOnly,
    });
    editorRef.current = editor;
    const changes = model.onDidChangeContent(() => {
      if (!applyingProp.current) callbacks.current.onChange(model.getValue());
    });
    // An action, not `addCommand`: commands are shared by all editors and break when
    // an editor is disposed and re-created (React StrictMode does exactly that).
    const runAction = editor.addAction({
      id: 'tensor-dojo.run',
      label: 'Run the training program',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.current.onRun?.(),
    });
    const submitAction = editor.addAction({
      id: 'tensor-dojo.submit',
      label: 'Submit the trained model for a mark',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => callbacks.current.onSubmit?.(),
    });
    // Alt+F1 is where screen-reader users look for an editor's help (VS Code's accessibility help).
    const helpAction = editor.addAction({
      id: 'tensor-dojo.keyboard-help',
      label: 'Keyboard help for this editor',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.F1],
      run: () => callbacks.current.onKeyboardHelp?.(),
    });
    const escapeThenTab = leaveWithEscapeThenTab(editor);
    const suggestOnTypes = suggestWhenTypesArrive(editor);
    callbacks.current.onTabMovesFocus?.(TabFocus.getTabFocusMode());
    const tabWatch = TabFocus.onDidChangeTabFocus((on) => callbacks.current.onTabMovesFocus?.(on));
    return () => {
      changes.dispose();
      runAction.dispose();
      submitAction.dispose();
      helpAction.dispose();
      escapeThenTab.dispose();
      suggestOnTypes();
      tabWatch.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // The editor lives as long as the component; props are synced by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const newDoc = docRef.current !== docId;
    docRef.current = docId;
    if (!newDoc && model.getValue() === value) return;
    applyingProp.current = true;
    try {
      if (newDoc) {
        model.setValue(value);
      } else {
        // An outside change (reset, undo of a reset) stays undoable with Ctrl+Z.
        editorRef.current!.pushUndoStop();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
        editorRef.current!.pushUndoStop();
      }
    } finally {
      applyingProp.current = false;
    }
  }, [docId, value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'run',
      marker
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: marker.message,
              startLineNumber: marker.line,
              startColumn: marker.column,
              endLineNumber: marker.line,
              endColumn: model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
            },
          ]
        : [],
    );
  }, [marker, value]);

  useImperativeHandle(ref, () => ({
    revealPosition(line, column) {
      const editor = editorRef.current;
      if (!editor) return;
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    focus: () => editorRef.current?.focus(),
  }));

  return <div ref={host} className="monaco-host" />;
}

/**
 * A learner who typed `tf.` before the tfjs types were in got an empty list, which
 * closed; when the types arrive with the cursor still after a `.` in the focused
 * editor, the list opens again by itself, instead of waiting for Ctrl+Space.
 */
function suggestWhenTypesArrive(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  if (typesStatus() === 'ready') return () => {};
  const stop = onTypesStatus(() => {
    if (typesStatus() !== 'ready') return;
    stop();
    const position = editor.getPosition();
    const model = editor.getModel();
    if (!position || !model || !editor.hasTextFocus()) return;
    const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
    if (/\.\s*[\w$]*$/.test(before)) editor.trigger('types-ready', 'editor.action.triggerSuggest', {});
  });
  return stop;
}

/**
 * Escape, then Tab, leaves the editor (as in VS Code's and GitHub's editors): Escape
 * switches Monaco's own tab-focus mode on for the next key only, so that Tab (or
 * Shift+Tab) moves focus the browser's way; any other key, or leaving the editor,
 * switches it back. When Ctrl+M has turned the mode on for good, this stays out of
 * the way.
 */
function leaveWithEscapeThenTab(editor: monaco.editor.IStandaloneCodeEditor): { dispose(): void } {
  let armed = false;
  const disarm = () => {
    if (!armed) return;
    armed = false;
    TabFocus.setTabFocusMode(false);
  };
  const keys = editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) {
      if (!TabFocus.getTabFocusMode()) {
        armed = true;
        TabFocus.setTabFocusMode(true);
      }
      return;
    }
    // Tab goes through with the mode on; it moves focus and the blur below disarms.
    if (e.keyCode === monaco.KeyCode.Tab) return;
    if (armed && ![monaco.KeyCode.Shift, monaco.KeyCode.Ctrl, monaco.KeyCode.Alt, monaco.KeyCode.Meta].includes(e.keyCode)) disarm();
  });
  const blur = editor.onDidBlurEditorText(disarm);
  return {
    dispose() {
      keys.dispose();
      blur.dispose();
      disarm();
    },
  };
}
