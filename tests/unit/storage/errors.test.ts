import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError, QUOTA_MESSAGE } from '../../../src/storage/errors';

describe('storage error description', () => {
  it.each([
    new DOMException('x', 'QuotaExceededError'),
    { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'x' },
    { name: 'UnknownError', message: 'Quota exceeded for origin' },
    { name: 'Error', code: 22 },
  ])('recognises quota errors: %s', (e) => {
    expect(isQuotaError(e)).toBe(true);
    expect(describeStorageError(e).message).toBe(QUOTA_MESSAGE);
  });

  it('does not call every error a full disk', () => {
    const p = describeStorageError(new DOMException('transaction aborted', 'AbortError'));
    expect(p.kind).toBe('failed');
    expect(p.message).toMatch(/kept in memory/);
    expect(p.detail).toContain('AbortError');
  });

  it('recognises blocked storage', () => {
    expect(describeStorageError(new DOMException('no', 'SecurityError')).kind).toBe('unavailable');
  });
});
