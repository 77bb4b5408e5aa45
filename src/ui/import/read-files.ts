/**
 * Browser files → `ModelFile`s for the grader's reader. A dropped folder (what
 * tfjs-converter writes) is read through its entries; picked files keep the
 * folder path the browser gives, since shard names are matched by base name anyway.
 */
import type { ModelFile } from '../../core/grading/model-files';

export async function readModelFiles(files: readonly File[]): Promise<ModelFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Files of a drop, folders included (one level of nesting per folder, recursively). */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  if (entries.length === 0) return [...transfer.files];
  const out: File[] = [];
  for (const entry of entries) await collect(entry, out);
  return out;
}

async function collect(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries hands out a directory in batches until it returns an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await collect(child, out);
    }
  }
}
