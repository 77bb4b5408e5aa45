import { describe, expect, it } from 'vitest';
import { isFrameMessage } from '../../../src/runner/protocol';

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
