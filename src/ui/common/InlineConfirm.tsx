/**
 * A button that asks before it acts: pressed, it gives way to the question with a
 * danger button and a safe one. The safe one takes focus, so Enter never confirms
 * by accident; it and Escape put the question away and focus back on the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function InlineConfirm({
  label,
  labelClassName = 'btn',
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  inline = false,
  className,
}: {
  /** The button that opens the question. */
  label: string;
  labelClassName?: string;
  question: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Usually leaves the page; the question stays up until it does. */
  onConfirm(): void;
  /** In a line of buttons: the question and its buttons flow as text, without a box of their own. */
  inline?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Set on cancel only: the opener is back in the page (to be focused) once the question has gone.
  const refocus = useRef(false);
  const questionId = `confirm-${useId()}`;

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      openerRef.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    refocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={labelClassName} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }

  const Box = inline ? 'span' : 'div';
  const Question = inline ? 'span' : 'p';
  return (
    <Box
      className={className}
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <Question id={questionId}>{question}</Question>{' '}
      <button type="button" className="btn btn-danger" onClick={onConfirm}>
        {confirmLabel}
      </button>{' '}
      <button ref={cancelRef} type="button" className="btn" onClick={cancel}>
        {cancelLabel}
      </button>
    </Box>
  );
}
