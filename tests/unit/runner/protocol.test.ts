import { describe, expect, it } from 'vitest';
import { isFrameMessage, isSandboxMessage } from '../../../src/runner/protocol';

describe('isSandboxMessage', () => {
  it('accepts the protocol and rejects anything else', () => {
    expect(isSandboxMessage({ type: 'ready' })).toBe(true);
    expect(isSandboxMessage({ type: 'epoch', runId: 'r', epoch: 0, logs: {} })).toBe(true);
    expect(isSandboxMessage({ type: 'epoch' })).toBe(false); // no run id
    expect(isSandboxMessage({ type: 'steal-cookies', runId: 'r' })).toBe(false);
    expect(isSandboxMessage(null)).toBe(false);
    expect(isSandboxMessage('ready')).toBe(false);
  });
});

describe('isFrameMessage', () => {
  it("accepts only the iframe's own two messages", () => {
    expect(isFrameMessage({ type: 'iframe-ready' })).toBe(true);
    expect(isFrameMessage({ type: 'worker-crashed', message: 'boom' })).toBe(true);
    expect(isFrameMessage({ type: 'worker-crashed' })).toBe(false); // no message to show
    expect(isFrameMessage({ type: 'worker-crashed', message: { toString: () => 'x' } })).toBe(false);
    // The worker's run messages never come this way any more.
    expect(isFrameMessage({ type: 'done', runId: 'r', ms: 1 })).toBe(false);
    expect(isFrameMessage({ type: 'ready' })).toBe(false);
    expect(isFrameMessage(undefined)).toBe(false);
  });
});
