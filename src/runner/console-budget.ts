/**
 * How much of the learner's console output reaches the page. Learner code may print
 * a 100 MB string or a line per sample in a tight loop; rendered as it came, either
 * froze the page for seconds. So each line is cut to a length, lines are limited
 * per second, and a run's output as a whole is capped — always saying where and how
 * much was left out, so nothing vanishes silently.
 *
 * Pure and clock-injected: the sandbox worker applies it before posting (so an
 * honest run never sends a flood), and the page applies it again to what arrives
 * (learner code can post to the page's port directly, bypassing the worker's copy).
 */

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';

export interface ConsoleLine {
  level: ConsoleLevel;
  text: string;
}

export interface ConsoleLimits {
  /** Characters kept of one line; the rest is replaced by a note of how much was cut. */
  lineChars: number;
  /** Lines passed per one-second window; the rest are counted and reported. */
  linesPerSecond: number;
  /** Characters passed in the whole run; after that, one note and nothing more. */
  totalChars: number;
}

export const CONSOLE_LIMITS: ConsoleLimits = {
  lineChars: 10_000,
  linesPerSecond: 200,
  totalChars: 2_000_000,
};

export interface ConsoleBudget {
  /** The lines to show for one line printed: none, the line (maybe cut), or a note first. */
  admit(line: ConsoleLine): ConsoleLine[];
  /** A note for lines held back since the last one shown (at the end of a run). */
  flush(): ConsoleLine[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function cutLine(text: string, lineChars: number): string {
  if (text.length <= lineChars) return text;
  return `${text.slice(0, lineChars)}… [cut: ${fmt(text.length - lineChars)} more characters not shown]`;
}

export function createConsoleBudget(limits: ConsoleLimits = CONSOLE_LIMITS, now: () => number = Date.now): ConsoleBudget {
  let windowStart = -Infinity;
  let inWindow = 0;
  let heldBack = 0;
  let total = 0;
  let exhausted = false;

  const heldBackNote = (): ConsoleLine[] => {
    if (heldBack === 0) return [];
    const note = {
      level: 'warn' as const,
      text: `[${fmt(heldBack)} console line${heldBack === 1 ? '' : 's'} not shown: more than ${fmt(limits.linesPerSecond)} a second were printed]`,
    };
    heldBack = 0;
    return [note];
  };

  return {
    admit(line) {
      if (exhausted) return [];
      const t = now();
      if (t - windowStart >= 1000) {
        windowStart = t;
        inWindow = 0;
      }
      if (inWindow >= limits.linesPerSecond) {
        heldBack += 1;
        return [];
      }
      inWindow += 1;
      const out = heldBackNote();
      const text = cutLine(line.text, limits.lineChars);
      if (total + text.length > limits.totalChars) {
        exhausted = true;
        out.push({
          level: 'warn',
          text: `[console output stopped: this run printed more than ${fmt(limits.totalChars)} characters; later lines are not shown]`,
        });
        return out;
      }
      total += text.length;
      out.push({ level: line.level, text });
      return out;
    },
    flush() {
      return exhausted ? [] : heldBackNote();
    },
  };
}
