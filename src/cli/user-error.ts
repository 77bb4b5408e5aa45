/** An error the user can fix (wrong id, missing file, broken model): printed as one line, no stack. */
export class UserError extends Error {
  override name = 'UserError';
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
