/**
 * Settings live in localStorage, not IndexedDB: they are tiny and must be read
 * synchronously before the first paint (theme). A blocked localStorage is not an
 * error worth a banner; settings then last for the session.
 */
const KEY = 'tensor-dojo:settings';

export function readSettings(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): unknown {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function writeSettings(value: unknown, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): boolean {
  try {
    storage?.setItem(KEY, JSON.stringify(value));
    return storage !== undefined;
  } catch {
    return false;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
