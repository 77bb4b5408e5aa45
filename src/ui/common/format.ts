/** Number formatting for metrics and thresholds: a few significant digits, no exponent surprises. */
export function formatMetric(value: number | null | undefined, name?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (name === 'accuracy') return `${(value * 100).toFixed(1)}%`;
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Sizes of downloads and kept models, in the same units everywhere. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
