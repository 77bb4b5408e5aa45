/**
 * Turns the learner's TypeScript module into a CommonJS function body we can call
 * with our own `require`.
 *
 * Sucrase strips types without type-checking (Monaco already underlines type errors)
 * and, crucially, keeps every line where it was, so a runtime stack line in the
 * generated code is the same line in the learner's source.
 */
import { transform } from 'sucrase';
import type { LearnerError } from './protocol';

export type TranspileResult = { ok: true; code: string } | { ok: false; error: LearnerError };

export function transpileLearnerSource(source: string, filename = 'drill.ts'): TranspileResult {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: filename,
      production: true,
      // Keep `import()` as is so a learner who tries it gets the sandbox's own refusal.
      preserveDynamicImport: true,
    });
    return { ok: true, code };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    // Sucrase already reports 1-based columns, as editors show them.
    const position = err.loc ? { line: err.loc.line, column: err.loc.column } : undefined;
    // Sucrase appends "(line:col)" to its messages; we report the position separately.
    const message = err.message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
    return {
      ok: false,
      error: {
        kind: 'syntax',
        message: `Syntax error: ${message}`,
        position,
        hint: position ? `Look at line ${position.line}, column ${position.column} (and the line before it).` : undefined,
      },
    };
  }
}
