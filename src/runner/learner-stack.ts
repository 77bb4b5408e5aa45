/**
 * Maps an error thrown inside the learner's code to positions in *their* source.
 *
 * We evaluate the transpiled code with `new Function(..., body + sourceURL)`; V8 puts
 * a header before the body, so stack lines are shifted by a fixed amount which we
 * measure once instead of hard-coding (it differs between engines).
 */
import { fallbackHint, translateTfjsError } from './learner-errors';
import type { LearnerError, SourcePosition } from './protocol';

/**
 * An error the lab raises inside learner code on purpose (the pre-flight contract
 * check, a non-tensor argument to fit), already in the learner's terms: it keeps
 * its kind and hint instead of being translated as a tfjs error.
 */
export class RunStop extends Error {
  constructor(
    readonly kind: LearnerError['kind'],
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const LINE_RE = /(?:\(|@|\s)([^\s()@]+):(\d+):(\d+)\)?\s*$/;

/** How many lines `new Function` adds before the body, measured on this engine. */
export function measureFunctionHeaderLines(filename: string): number {
  try {
    new Function(`throw new Error('probe')\n//# sourceURL=${filename}`)();
  } catch (e) {
    const frame = parseStack(String((e as Error).stack ?? '')).find((f) => f.file === filename);
    if (frame) return frame.line - 1;
  }
  return 2;
}

export interface StackFrame {
  text: string;
  file: string;
  line: number;
  column: number;
}

export function parseStack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of stack.split('\n')) {
    const m = LINE_RE.exec(text);
    if (m) frames.push({ text: text.trim(), file: m[1], line: Number(m[2]), column: Number(m[3]) });
  }
  return frames;
}

/** The learner's frames only, with positions shifted back into their file. */
export function learnerFrames(stack: string, filename: string, headerLines: number): Array<StackFrame & { position: SourcePosition }> {
  return parseStack(stack)
    .filter((f) => f.file === filename || f.file.endsWith(`/${filename}`))
    .map((f) => ({ ...f, position: { line: f.line - headerLines, column: f.column } }))
    .filter((f) => f.position.line >= 1);
}

const BACKEND_FAILURE = /not registered for backend|WebGL context|context lost|CONTEXT_LOST|GPUDevice|device was lost|Failed to compile fragment shader|out of memory|\bOOM\b/;

/** Turns whatever the learner's code threw into a message that speaks to them. */
export function toLearnerError(thrown: unknown, filename: string, headerLines: number): LearnerError {
  const err = thrown instanceof Error ? thrown : new Error(describeThrown(thrown));
  const frames = learnerFrames(String(err.stack ?? ''), filename, headerLines);
  const top = frames[0];
  const where = top ? ` (line ${top.position.line}, column ${top.position.column})` : '';
  const stack = frames.length ? frames.map((f) => `at ${filename}:${f.position.line}:${f.position.column}`).join('\n') : undefined;
  if (err instanceof RunStop) return { kind: err.kind, message: `${err.message}${where}`, position: top?.position, stack, hint: err.hint };
  const backend = BACKEND_FAILURE.test(err.message);
  const raw = `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`;
  // A tfjs message we know becomes one sentence with cause and fix; the raw one stays with it.
  const translated = backend ? undefined : translateTfjsError(err.message);
  return {
    kind: backend ? 'backend' : 'runtime',
    message: `${translated?.sentence ?? raw}${where}`,
    ...(translated ? { original: raw } : {}),
    position: top?.position,
    stack,
    hint: backend
      ? 'The backend failed, not necessarily your code. Pick the next backend (WebGL → WASM → CPU) and run again.'
      : translated
        ? undefined
        : fallbackHint(err.message),
  };
}

function describeThrown(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  try {
    return `Non-Error value thrown: ${JSON.stringify(thrown)}`;
  } catch {
    return `Non-Error value thrown: ${String(thrown)}`;
  }
}
