/**
 * Palmer penguins (vega-datasets penguins.json): a small table for a first multi-class
 * classifier — three species from beak, flipper, body mass, island and sex.
 */
import { join } from 'node:path';
import { permutation, splitRanges } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, readJson, reorder } from './common';

interface Penguin {
  Species: string;
  Island: string;
  'Beak Length (mm)': number | null;
  'Beak Depth (mm)': number | null;
  'Flipper Length (mm)': number | null;
  'Body Mass (g)': number | null;
  Sex: string | null;
}

const SEED = 2_007_2009;
const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'];
const ISLANDS = ['Biscoe', 'Dream', 'Torgersen'];
const SEXES = ['FEMALE', 'MALE'];
const MEASURES = ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g'];

export const penguins: DatasetBuilder = {
  name: 'penguins',
  packages: ['vega-datasets'],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, 'vega-datasets');
    const all = readJson<Penguin[]>(join(ctx.modules, 'vega-datasets/data/penguins.json'));
    // Rows with a missing measure or an unknown sex ('.' in one row) are dropped.
    const complete = all.filter(
      (p) => Object.values(p).every((v) => v !== null && v !== undefined) && SEXES.includes(p.Sex!) && ISLANDS.includes(p.Island) && SPECIES.includes(p.Species),
    );
    const rows = reorder(complete, permutation(complete.length, SEED));
    const n = rows.length;
    const measures = new Float32Array(n * MEASURES.length);
    const island = new Int32Array(n);
    const sex = new Int32Array(n);
    const species = new Int32Array(n);
    rows.forEach((p, i) => {
      measures.set([p['Beak Length (mm)']!, p['Beak Depth (mm)']!, p['Flipper Length (mm)']!, p['Body Mass (g)']!], i * MEASURES.length);
      island[i] = ISLANDS.indexOf(p.Island);
      sex[i] = SEXES.indexOf(p.Sex!);
      species[i] = SPECIES.indexOf(p.Species);
    });
    const w = new DatasetWriter(ctx.outDir, 'penguins');
    w.addArray('measures', measures, [n, MEASURES.length]);
    w.addArray('island', island, [n]);
    w.addArray('sex', sex, [n]);
    w.addArray('species', species, [n]);
    return w.finish({
      name: 'penguins',
      title: 'Palmer penguins',
      description: 'Adelie, Chinstrap and Gentoo penguins of the Palmer Archipelago (Antarctica), 2007–2009: beak length and depth, flipper length, body mass, island and sex.',
      source: { package: pkg.name, version: pkg.version, url: 'https://allisonhorst.github.io/palmerpenguins/', files: ['data/penguins.json'] },
      licence: `Data CC0-1.0 (palmerpenguins, Gorman, Williams & Fraser 2014, Palmer Station LTER); npm package ${pkg.name} ${pkg.license}`,
      build: `Dropped the ${all.length - n} of ${all.length} rows with a missing value or an unknown sex, islands, sexes and species as category indices, shuffled with mulberry32 seed ${SEED}.`,
      meta: {
        columns: MEASURES,
        classes: SPECIES,
        islands: ISLANDS,
        sexes: SEXES,
        perClass: SPECIES.map((_, k) => species.filter((s) => s === k).length),
        count: n,
        dropped: all.length - n,
        seed: SEED,
        splits: splitRanges(n, 0.15, 0.2),
      },
    });
  },
};
