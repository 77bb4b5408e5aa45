/** The plain stand-in editor: shown at once, replaced by Monaco when it has loaded. */
import { useImperativeHandle, useRef } from 'react';
import { offsetOf, type CodeEditorProps } from './types';

export function TextareaEditor({ value, onChange, label, onRun, onSubmit, readOnly, ref }: CodeEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    revealPosition(line, column) {
      const el = area.current;
      if (!el) return;
      const at = offsetOf(el.value, line, column);
      el.focus();
      el.setSelectionRange(at, at);
    },
    focus: () => area.current?.focus(),
  }));
  return (
    <textarea
      ref={area}
      className="textarea-editor"
      aria-label={label}
      spellCheck={false}
      wrap="off"
      readOnly={readOnly}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (e.shiftKey) onSubmit?.();
          else onRun?.();
        }
      }}
    />
  );
}
