import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/ui/common/format';

describe('formatBytes', () => {
  it('uses binary steps and one unit for datasets and saved models alike', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
