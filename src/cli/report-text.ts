/** The report card as terminal text. */
import type { GradeReport } from '../core/grading/report';

export function formatReport(r: GradeReport): string {
  const lines: string[] = [];
  lines.push(`${r.drill}: ${r.points}/${r.maxPoints} ${r.passed ? 'PASSED' : 'NOT PASSED'}`);
  if (r.value !== null) lines.push(`  ${r.metric.label}: ${formatValue(r.value)} (on ${r.testExamples} held-out examples)`);
  const dir = r.metric.higherIsBetter ? '≥' : '≤';
  lines.push(`  thresholds: ${r.thresholds.map((t, i) => `${i + 1}pt ${dir} ${formatValue(t)}`).join(', ')}`);
  for (const c of r.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${c.message}`);
  for (const reason of r.reasons) lines.push(`  • ${reason}`);
  return lines.join('\n');
}

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(4);
}
