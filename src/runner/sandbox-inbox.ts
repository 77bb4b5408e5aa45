/**
 * What the page lets through from one sandbox, and when it gives up on it.
 *
 * Every message is parsed (protocol-guards.ts). Console lines go through the same
 * budget the worker applies (console-budget.ts), batch points are thinned to a rate
 * the curves can use, and a sandbox that floods the page — far more messages a
 * second than the runner ever sends, or one it could not have sent — is ended: the
 * page's thread must stay free for the learner, and Stop must keep working. The
 * runner itself sends at most a few hundred messages a second (console lines are
 * limited in the worker, batch events are throttled to one per 100 ms).
 */
import { CONSOLE_LIMITS, createConsoleBudget, type ConsoleLimits } from './console-budget';
import { parseSandboxMessage } from './protocol-guards';
import type { SandboxMessage } from './protocol';

export interface InboxLimits {
  /**
   * More messages than this within `floodWindowMs` ends the run. A short window:
   * each message costs the page's thread its decoding, and 5,000 forged messages
   * arriving at once held it for 0.7 s before the run was ended; 500 cost ~70 ms.
   * The runner's own worst burst is a console budget's worth (200 lines) plus
   * its epoch events.
   */
  messagesPerFloodWindow: number;
  floodWindowMs: number;
  /** Batch points kept per second (the rest are dropped: the curve is a sample anyway). */
  batchesPerSecond: number;
  console: ConsoleLimits;
}

export const INBOX_LIMITS: InboxLimits = {
  messagesPerFloodWindow: 500,
  floodWindowMs: 100,
  batchesPerSecond: 50,
  // Above the worker's own budget, with room for its notes, so output the worker
  // already cut passes unchanged; only output that bypassed the worker is cut here.
  console: {
    lineChars: CONSOLE_LIMITS.lineChars + 200,
    linesPerSecond: CONSOLE_LIMITS.linesPerSecond * 2,
    totalChars: CONSOLE_LIMITS.totalChars + 20_000,
  },
};

type ConsoleMessage = Extract<SandboxMessage, { type: 'console' }>;

export type InboxResult = { pass: SandboxMessage[] } | { abort: string };

export interface SandboxInbox {
  accept(data: unknown): InboxResult;
  /** Notes still held (console lines left out) for the run's end. */
  flush(runId: string): ConsoleMessage[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function createSandboxInbox(limits: InboxLimits = INBOX_LIMITS, now: () => number = () => performance.now()): SandboxInbox {
  const consoleBudget = createConsoleBudget(limits.console, now);
  let floodWindowStart = -Infinity;
  let messages = 0;
  let batchWindowStart = -Infinity;
  let batches = 0;
  const perSecond = (limits.messagesPerFloodWindow * 1000) / limits.floodWindowMs;

  return {
    accept(data) {
      const t = now();
      if (t - floodWindowStart >= limits.floodWindowMs) {
        floodWindowStart = t;
        messages = 0;
      }
      if (t - batchWindowStart >= 1000) {
        batchWindowStart = t;
        batches = 0;
      }
      messages += 1;
      if (messages > limits.messagesPerFloodWindow) {
        return {
          abort: `The run was stopped: its code sent the page messages faster than ${fmt(perSecond)} a second, which would freeze this tab. Print or report less often (e.g. once per epoch).`,
        };
      }
      const parsed = parseSandboxMessage(data);
      if (!parsed.ok) {
        return { abort: `The run was stopped: the sandbox sent a message the lab does not accept (${parsed.problem}).` };
      }
      const m = parsed.message;
      switch (m.type) {
        case 'console':
          return { pass: consoleBudget.admit(m).map((line) => ({ type: 'console', runId: m.runId, ...line })) };
        case 'batch':
          batches += 1;
          return { pass: batches > limits.batchesPerSecond ? [] : [m] };
        default:
          return { pass: [m] };
      }
    },
    flush(runId) {
      return consoleBudget.flush().map((line): ConsoleMessage => ({ type: 'console', runId, ...line }));
    },
  };
}
