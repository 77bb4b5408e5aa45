import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportFileName, parseExportText, restoreExportFile } from '../../../src/storage/export-file';

const goodAttempt = { drillId: 'auto-mpg', at: 5, code: 'c', metric: { name: 'mae', value: 2.4 }, points: 5, passed: true, backend: 'cpu', runMs: 900 };

describe('restoreExportFile', () => {
  it('keeps valid records and counts the unreadable ones', () => {
    const r = restoreExportFile({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: 7,
      drafts: [{ drillId: 'auto-mpg', code: 'x', updatedAt: 3 }, { drillId: '../evil', code: 'x', updatedAt: 3 }, null, { drillId: 'a', code: 5, updatedAt: 1 }],
      attempts: [goodAttempt, { ...goodAttempt, points: 9 }, { ...goodAttempt, metric: { name: 'f1', value: 1 } }, { ...goodAttempt, backend: 'quantum' }],
      kept: 'nope',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.drafts).toEqual([{ drillId: 'auto-mpg', code: 'x', updatedAt: 3 }]);
    // An unknown backend is not worth losing an attempt over: it becomes null.
    expect(r.file.attempts).toEqual([goodAttempt, { ...goodAttempt, backend: null }]);
    expect(r.file.kept).toEqual([]);
    expect(r.skipped).toBe(3 + 2 + 1);
  });

  it('drops unknown fields rather than storing them', () => {
    const r = restoreExportFile({ format: EXPORT_FORMAT, version: 1, drafts: [{ drillId: 'a', code: 'x', updatedAt: 1, evil: '<script>' }] });
    expect(r.ok && r.file.drafts[0]).toEqual({ drillId: 'a', code: 'x', updatedAt: 1 });
  });

  it('refuses files that are not exports, newer ones and broken JSON, with a reason', () => {
    expect(parseExportText('{"format":"something-else"}')).toEqual({ ok: false, error: expect.stringMatching(/not a Tensor Dojo export/) });
    expect(parseExportText(JSON.stringify({ format: EXPORT_FORMAT, version: 2 }))).toEqual({ ok: false, error: expect.stringMatching(/newer version/) });
    expect(parseExportText('{"format":"tensor-dojo-export",')).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it('keeps a model exactly when its weights are base64 that atob can decode', () => {
    const samples = ['', 'TWFu', 'TWE=', 'TQ==', 'TWFuTQ', 'TWFuTWE', 'AAAAA', 'A', 'TQ=', 'TWE==', 'TW=u', '====', 'not base64!'];
    for (const base64 of samples) {
      const model = { model: { drillId: 'd', savedAt: 1, code: '', bytes: 3 }, files: [{ name: 'model.json', base64 }] };
      const r = restoreExportFile({ format: EXPORT_FORMAT, version: 1, models: [model] });
      let decodes = true;
      try {
        atob(base64);
      } catch {
        decodes = false;
      }
      expect([base64, r.ok && r.file.models.length === 1]).toEqual([base64, decodes]);
    }
  });

  it('keeps a saved model\'s "stopped early" mark only as true, and nothing else in its place', () => {
    const models = [true, 'yes', 1, false].map((stoppedEarly, i) => ({ model: { drillId: 'd', savedAt: i + 1, code: '', bytes: 3, stoppedEarly }, files: [{ name: 'model.json', base64: 'TWFu' }] }));
    const r = restoreExportFile({ format: EXPORT_FORMAT, version: 1, models });
    expect(r.ok && r.file.models.map((m) => m.model.stoppedEarly)).toEqual([true, undefined, undefined, undefined]);
  });

  it('names the file by date', () => {
    expect(exportFileName(Date.UTC(2025, 2, 14, 12))).toBe('tensor-dojo-2025-03-14.json');
  });
});
