/** An error the user can fix (wrong id, missing file, broken model): printed as one line, no stack. */
export class UserError extends Error {
  override name = 'UserError';
  /** Fields for `--json` output besides the message (where, what kind, the raw tfjs text). */
  details?: Record<string, unknown>;

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    if (details) this.details = details;
  }
}

/** Runs `fn`, turning any error into a UserError with `prefix` (for errors we know are the input's fault). */
export async function asUserError<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${prefix}${(e as Error).message ?? String(e)}`);
  }
}

/** The one JSON object `--json` prints for a failure: `{ "error": { "message", … } }`. */
export function errorAsJson(e: unknown): { error: Record<string, unknown> } {
  if (e instanceof UserError) return { error: { message: e.message, ...(e.details ?? {}) } };
  return { error: { message: (e as Error)?.message ?? String(e), internal: true } };
}
