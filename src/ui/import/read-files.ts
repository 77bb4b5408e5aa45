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

/**
 * A Keras file among the upload (`.keras` from Keras 3, `.h5` from `model.save('x.h5')`)
 * becomes the `model.json` + weights pair the grader's reader takes; other uploads pass
 * through. The Keras reader and its libraries are loaded only when such a file comes.
 * Throws `ModelFileError`s, whose messages are meant to be shown as they are.
 */
export async function kerasAsModelFiles(files: readonly ModelFile[]): Promise<ModelFile[]> {
  const keras = files.filter(isKerasFile);
  if (keras.length === 0) return [...files];
  const { ModelFileError, artifactsToFiles } = await import('../../core/grading/model-files');
  if (keras.length > 1) {
    throw new ModelFileError(`Several Keras files were given (${keras.map((f) => f.name).join(', ')}); grade one model at a time.`);
  }
  const { kerasFileToArtifacts } = await import('../../core/keras');
  const [file] = keras;
  const base = file.name.replace(/^.*[\\/]/, '').replace(/\.(keras|h5|hdf5)$/i, '');
  return artifactsToFiles(await kerasFileToArtifacts(file), base || 'model');
}

/** By name, or by content whatever it is called: an HDF5 signature, or a zip whose first entry names config.json. */
export function isKerasFile(file: ModelFile): boolean {
  if (/\.(keras|h5|hdf5)$/i.test(file.name)) return true;
  const b = file.bytes;
  if (b[0] === 0x89 && b[1] === 0x48 && b[2] === 0x44 && b[3] === 0x46) return true;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 4096))).includes('config.json');
  }
  return false;
}
