import { describe, expect, it } from 'vitest';
import { onTypesStatus, setTypesStatus, typesStatus, whenTypesSettled } from '../../../src/ui/editor/types-status';

const settledYet = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
};

describe("the editor's types status", () => {
  it('lets start-up work wait while the types load, and not at all when no editor loads them', async () => {
    expect(typesStatus()).toBe('idle');
    expect(await settledYet(whenTypesSettled())).toBe(true);

    setTypesStatus('loading');
    const waiting = whenTypesSettled();
    expect(await settledYet(waiting)).toBe(false);
    setTypesStatus('ready');
    expect(await settledYet(waiting)).toBe(true);
    expect(await settledYet(whenTypesSettled())).toBe(true);

    setTypesStatus('loading');
    const failing = whenTypesSettled();
    setTypesStatus('failed');
    expect(await settledYet(failing)).toBe(true);
  });

  it('tells listeners of each change until they unsubscribe', () => {
    const seen: string[] = [];
    const stop = onTypesStatus(() => seen.push(typesStatus()));
    setTypesStatus('loading');
    setTypesStatus('loading');
    setTypesStatus('ready');
    stop();
    setTypesStatus('failed');
    expect(seen).toEqual(['loading', 'ready']);
  });
});
