import { describe, expect, it } from 'vitest';
import { isSandboxMessage } from '../../../src/runner/protocol';

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
