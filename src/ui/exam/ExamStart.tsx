/** Setting up a mock exam: its length, and a drill per area (drawn unless chosen). */
import { useMemo, useState, type FormEvent } from 'react';
import type { Area } from '../../core/drill';
import { AREA_TITLES } from '../../core/drill';
import { DEFAULT_EXAM_MINUTES, EXAM_AREAS, MAX_EXAM_MINUTES, MIN_EXAM_MINUTES } from '../../core/exam';
import { useShippedDrills, useStores } from '../stores';
import { ExamRule } from './ExamRule';

export function ExamStart() {
  const { exam } = useStores();
  // Shipped drills only: their thresholds are calibrated, a custom drill's are its author's.
  const registry = useShippedDrills();
  const drills = useMemo(() => registry.list(), [registry]);
  const [minutes, setMinutes] = useState(String(DEFAULT_EXAM_MINUTES));
  const [chosen, setChosen] = useState<Partial<Record<Area, string>>>({});
  const [error, setError] = useState<string | null>(null);

  const start = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      exam.getState().start({ drills, minutes: Number(minutes.trim() === '' ? NaN : minutes), chosen });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="exam exam-start" aria-labelledby="exam-title">
      <h1 id="exam-title">Mock exam</h1>
      <p>
        Five tasks, one from each area, against the clock — the format of the former TensorFlow Developer Certificate exam. This is exam-style
        practice, not the exam (which is no longer offered). The clock keeps running if you close or reload the tab.
      </p>
      <ExamRule />
      <form className="exam-form" onSubmit={start}>
        <div className="field">
          <label htmlFor="exam-minutes">Exam length (minutes)</label>
          <input
            id="exam-minutes"
            type="number"
            inputMode="numeric"
            min={MIN_EXAM_MINUTES}
            max={MAX_EXAM_MINUTES}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <p className="hint">The certificate exam gave {DEFAULT_EXAM_MINUTES / 60} hours ({DEFAULT_EXAM_MINUTES} minutes).</p>
        </div>
        <fieldset className="field">
          <legend>Tasks</legend>
          {EXAM_AREAS.map((area) => {
            const inArea = drills.filter((d) => d.area === area);
            return (
              <div key={area} className="exam-area-choice">
                <label htmlFor={`exam-area-${area}`}>
                  Area {area}: {AREA_TITLES[area]}
                </label>
                <select
                  id={`exam-area-${area}`}
                  value={chosen[area] ?? ''}
                  disabled={inArea.length === 0}
                  onChange={(e) => setChosen((c) => ({ ...c, [area]: e.target.value || undefined }))}
                >
                  <option value="">{inArea.length === 0 ? 'No drill yet' : `Draw at random (${inArea.length})`}</option>
                  {inArea.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
        {error && (
          <p className="exam-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          Start the exam
        </button>
      </form>
    </section>
  );
}
