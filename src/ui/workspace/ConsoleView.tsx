/** The learner's console output. Sticks to the bottom unless the learner scrolled up to read. */
import { useEffect, useRef } from 'react';
import type { ConsoleLine } from '../../state/run-fold';

export function ConsoleView({ lines, dropped }: { lines: ConsoleLine[]; dropped: number }) {
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <section className="console" aria-label="Console">
      <h3 className="pane-title">Console</h3>
      <div
        ref={box}
        className="console-lines"
        tabIndex={0}
        role="log"
        aria-label="Console output"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
        }}
      >
        {dropped > 0 && <div className="console-line console-dropped">… {dropped.toLocaleString()} earlier lines not shown</div>}
        {lines.length === 0 && dropped === 0 && <div className="console-line console-empty">console.log output appears here.</div>}
        {lines.map((l, i) => (
          <div key={i + dropped} className={`console-line console-${l.level}`}>
            {l.text}
          </div>
        ))}
      </div>
    </section>
  );
}
