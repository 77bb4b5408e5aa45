/** Setting an exam: one drill per area, drawn with a seed or chosen by the learner. */
import type { Area, DrillMeta } from '../drill';
import { createRng } from '../helpers/random';
import { examDurationMs, DEFAULT_EXAM_MINUTES } from './timing';
import { ExamSetupError, type Exam, type ExamTask } from './types';

export const EXAM_AREAS: readonly Area[] = [1, 2, 3, 4, 5];

export type ExamDrill = Pick<DrillMeta, 'id' | 'area'>;

export interface ExamChoice {
  /** Seed for the areas not chosen; the same seed and drill list give the same exam. */
  seed?: number;
  /** A drill id per area; areas left out are drawn. */
  chosen?: Partial<Record<Area, string>>;
}

/**
 * Five tasks in area order. Drawn drills are picked from the area's drills sorted
 * by id, so the draw depends only on the seed and which drills exist, not on the
 * order the registry lists them in.
 */
export function pickExamTasks(drills: readonly ExamDrill[], choice: ExamChoice = {}): ExamTask[] {
  const rng = createRng(choice.seed ?? 0);
  return EXAM_AREAS.map((area) => {
    const inArea = drills.filter((d) => d.area === area).map((d) => d.id).sort();
    const wanted = choice.chosen?.[area];
    // One number per area whether or not it is drawn, so choosing area 2 by hand
    // does not change what area 5 draws for the same seed.
    const roll = rng.next();
    if (wanted !== undefined && wanted !== '') {
      if (!inArea.includes(wanted)) {
        const other = drills.find((d) => d.id === wanted);
        throw new ExamSetupError(
          other
            ? `“${wanted}” is an area ${other.area} drill, so it cannot be the area ${area} task.`
            : `There is no drill called “${wanted}” for area ${area}.`,
        );
      }
      return { area, drillId: wanted };
    }
    if (inArea.length === 0) throw new ExamSetupError(`There is no drill for area ${area} yet, so a five-task exam cannot be set.`);
    return { area, drillId: inArea[Math.floor(roll * inArea.length)]! };
  });
}

export interface NewExamOptions extends ExamChoice {
  drills: readonly ExamDrill[];
  /** Exam length; defaults to the certificate exam's five hours. */
  minutes?: number;
  now: number;
}

export function createExam(options: NewExamOptions): Exam {
  const durationMs = examDurationMs(options.minutes ?? DEFAULT_EXAM_MINUTES);
  const tasks = pickExamTasks(options.drills, options);
  const allChosen = tasks.every((t) => options.chosen?.[t.area]);
  return {
    version: 1,
    startedAt: options.now,
    durationMs,
    tasks,
    submissions: [],
    endedAt: null,
    seed: allChosen ? null : (options.seed ?? 0),
  };
}
