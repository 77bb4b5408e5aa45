/** Saves files to the learner's downloads folder, one anchor click per file (as tfjs's `downloads://` does). */
import type { ModelFile } from '../../core/grading/model-files';

export function downloadFiles(files: readonly ModelFile[]): void {
  for (const file of files) {
    const type = file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    // Copy into a fresh ArrayBuffer: a Blob may not be built on a shared buffer.
    const url = URL.createObjectURL(new Blob([file.bytes.slice().buffer as ArrayBuffer], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Revoking at once can cancel a download that has not started reading yet.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
