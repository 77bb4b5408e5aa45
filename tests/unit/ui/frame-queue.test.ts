import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A hand-driven requestAnimationFrame: `frame()` runs what the last frame asked for.
let pending: FrameRequestCallback[] = [];
const frame = () => {
  const now = pending;
  pending = [];
  for (const cb of now) cb(0);
};

beforeEach(() => {
  pending = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => pending.push(cb));
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

describe('inTurnNextFrame', () => {
  it('runs one piece of work per frame, in the order asked', async () => {
    const { inTurnNextFrame } = await import('../../../src/ui/common/frame-queue');
    const ran: string[] = [];
    inTurnNextFrame(() => ran.push('loss chart'));
    inTurnNextFrame(() => ran.push('metric chart'));
    expect(ran).toEqual([]);
    frame();
    expect(ran).toEqual(['loss chart']);
    frame();
    expect(ran).toEqual(['loss chart', 'metric chart']);
    frame();
    expect(ran).toHaveLength(2);
    expect(pending).toHaveLength(0); // nothing left asks for frames
  });

  it('drops cancelled work without spending a frame on it', async () => {
    const { inTurnNextFrame } = await import('../../../src/ui/common/frame-queue');
    const ran: string[] = [];
    const cancel = inTurnNextFrame(() => ran.push('stale'));
    inTurnNextFrame(() => ran.push('fresh'));
    cancel();
    frame();
    expect(ran).toEqual(['fresh']);
  });
});
