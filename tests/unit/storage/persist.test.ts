import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, resetPersistRequestForTests } from '../../../src/storage/persist';

beforeEach(() => resetPersistRequestForTests());

describe('persistent storage request', () => {
  it('asks once per page load', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe('already');
    expect(persist).not.toHaveBeenCalled();
  });

  it('copes with browsers without the API or that refuse', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    resetPersistRequestForTests();
    expect(await requestPersistentStorage({ persist: async () => { throw new Error('nope'); } })).toBe('denied');
  });
});
