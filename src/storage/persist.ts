/**
 * Asks the browser not to evict our data under storage pressure. Asked once per
 * page load: browsers remember the answer, and Firefox shows a prompt each time.
 */
export type PersistOutcome = 'already' | 'granted' | 'denied' | 'unsupported';

interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

let asked: Promise<PersistOutcome> | null = null;

export function requestPersistentStorage(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<PersistOutcome> {
  if (!asked) asked = ask(storage);
  return asked;
}

async function ask(storage: StorageManagerLike | undefined): Promise<PersistOutcome> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'already';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Tests only: forget that we asked. */
export function resetPersistRequestForTests(): void {
  asked = null;
}
