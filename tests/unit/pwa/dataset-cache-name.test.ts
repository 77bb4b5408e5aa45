import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetCacheName } from '../../../scripts/vite-pwa';

describe('datasetCacheName', () => {
  it('is stable for the same manifests and changes when any dataset changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dojo-ds-'));
    for (const name of ['a', 'b']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'manifest.json'), JSON.stringify({ name, files: [{ sha256: '00' }] }));
    }
    const first = datasetCacheName(dir);
    expect(first).toMatch(/^dojo-datasets-[0-9a-f]{12}$/);
    expect(datasetCacheName(dir)).toBe(first);
    writeFileSync(join(dir, 'b', 'manifest.json'), JSON.stringify({ name: 'b', files: [{ sha256: '01' }] }));
    expect(datasetCacheName(dir)).not.toBe(first);
  });

  it('names the cache of the shipped datasets', () => {
    expect(datasetCacheName()).toMatch(/^dojo-datasets-[0-9a-f]{12}$/);
  });
});
