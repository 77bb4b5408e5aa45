/**
 * Real colour images of varied sizes: emoji artwork by four independent design teams,
 * from their npm packages, grouped into classes by the Unicode emoji categories.
 *
 * Each set is kept at its own raster size (Noto and Twemoji ship 64 px PNGs, OpenMoji's
 * official PNG size is 72 px, Fluent ships vectors and is rasterised at the 128 px cap),
 * alpha composited over white. Splits are by emoji (concept): every drawing of one
 * emoji lands in the same split, so the test set holds subjects the model never saw.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RawImage } from '../../../core/data';
import { mulberry32, permutation } from '../prng';
import { decodePngFile, downscaleToFit, renderSvgFile } from '../raster';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, readJson, reorder } from './common';

/** Longest side kept; anything larger is area-downscaled to this. */
const MAX_SIDE = 128;
const SEED = 20_240_916;

interface OpenMojiEntry {
  hexcode: string;
  annotation: string;
  group: string;
  subgroups: string;
  skintone: string;
}

interface DatasourceEntry {
  unified: string;
  image: string;
  has_img_google?: boolean;
  has_img_twitter?: boolean;
}

/** Class → Unicode (group, subgroup) pairs that make it up. */
const CLASSES: { name: string; group: string; subgroups: string[] }[] = [
  {
    name: 'animal',
    group: 'animals-nature',
    subgroups: ['animal-mammal', 'animal-bird', 'animal-amphibian', 'animal-reptile', 'animal-marine', 'animal-bug'],
  },
  {
    name: 'person',
    group: 'people-body',
    subgroups: ['person', 'person-gesture', 'person-role', 'person-fantasy', 'person-activity', 'person-sport', 'person-resting', 'family'],
  },
  {
    name: 'face',
    group: 'smileys-emotion',
    subgroups: [
      'face-smiling',
      'face-affection',
      'face-tongue',
      'face-hand',
      'face-neutral-skeptical',
      'face-sleepy',
      'face-unwell',
      'face-hat',
      'face-glasses',
      'face-concerned',
      'face-negative',
      'face-costume',
    ],
  },
  {
    name: 'food-drink',
    group: 'food-drink',
    subgroups: ['food-fruit', 'food-vegetable', 'food-prepared', 'food-asian', 'food-sweet', 'drink'],
  },
  { name: 'transport', group: 'travel-places', subgroups: ['transport-ground', 'transport-water', 'transport-air'] },
];

interface Concept {
  hexcode: string;
  annotation: string;
  label: number;
}

interface Artist {
  name: string;
  package: string;
  licence: string;
  attribution: string;
  size: string;
  /** The image of a concept, or undefined when this set has no such emoji. */
  load(c: Concept): RawImage | undefined;
}

const norm = (hex: string) =>
  hex
    .toUpperCase()
    .split('-')
    .filter((x) => x !== 'FE0F')
    .join('-');

function datasourceArtist(ctx: BuildContext, vendor: 'google' | 'twitter', spec: Omit<Artist, 'load' | 'package'>): Artist {
  const pkg = `emoji-datasource-${vendor}`;
  const list = readJson<DatasourceEntry[]>(join(ctx.modules, pkg, 'emoji.json'));
  const has = vendor === 'google' ? 'has_img_google' : 'has_img_twitter';
  const byHex = new Map(list.filter((e) => e[has]).map((e) => [norm(e.unified), e]));
  return {
    ...spec,
    package: pkg,
    load(c) {
      const e = byHex.get(norm(c.hexcode));
      if (!e) return undefined;
      const file = join(ctx.modules, pkg, 'img', vendor, '64', e.image);
      return existsSync(file) ? decodePngFile(file) : undefined;
    },
  };
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function artists(ctx: BuildContext): Artist[] {
  const fluentDir = join(ctx.modules, 'fluentui-emoji/icons/modern');
  const fluent = new Set(readdirSync(fluentDir));
  return [
    datasourceArtist(ctx, 'google', {
      name: 'Noto Emoji (Google)',
      licence: 'Apache-2.0',
      attribution: 'Noto Emoji © Google Inc., Apache License 2.0',
      size: '64 px PNG as shipped',
    }),
    datasourceArtist(ctx, 'twitter', {
      name: 'Twemoji (Twitter)',
      licence: 'CC-BY-4.0',
      attribution: 'Twemoji graphics © Twitter, Inc. and other contributors, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      size: '64 px PNG as shipped',
    }),
    {
      name: 'OpenMoji',
      package: 'openmoji',
      licence: 'CC-BY-SA-4.0',
      attribution:
        'All emojis designed by OpenMoji – the open-source emoji and icon project (https://openmoji.org), CC BY-SA 4.0; these images, adapted (rasterised, on white), are shared under the same licence',
      size: 'SVG rasterised at 72 px, the size of OpenMoji’s own PNG release',
      load(c) {
        const file = join(ctx.modules, 'openmoji/color/svg', `${c.hexcode}.svg`);
        return existsSync(file) ? renderSvgFile(file, 72) : undefined;
      },
    },
    {
      name: 'Fluent Emoji (Microsoft)',
      package: 'fluentui-emoji',
      licence: 'MIT',
      attribution: 'Fluent Emoji © Microsoft Corporation, MIT License (repackaged on npm as fluentui-emoji)',
      size: `"modern" (Color) SVG rasterised at ${MAX_SIDE} px, the size cap (Microsoft's own raster release is 256 px)`,
      load(c) {
        const s = slug(c.annotation);
        // People come in skin-tone variants; "-default" is the neutral one.
        const file = [`${s}.svg`, `${s}-default.svg`].find((f) => fluent.has(f));
        return file ? renderSvgFile(join(fluentDir, file), MAX_SIDE) : undefined;
      },
    },
  ];
}

/** Emoji per class, from OpenMoji's list of Unicode emoji (skin-tone variants left out). */
function concepts(ctx: BuildContext): Concept[] {
  const all = readJson<OpenMojiEntry[]>(join(ctx.modules, 'openmoji/data/openmoji.json'));
  const out: Concept[] = [];
  for (const e of all) {
    if (e.skintone) continue;
    const label = CLASSES.findIndex((c) => c.group === e.group && c.subgroups.includes(e.subgroups));
    if (label >= 0) out.push({ hexcode: e.hexcode, annotation: e.annotation, label });
  }
  return out;
}

export const emojiCategories: DatasetBuilder = {
  name: 'emoji-categories',
  packages: ['emoji-datasource-google', 'emoji-datasource-twitter', 'openmoji', 'fluentui-emoji'],
  build(ctx: BuildContext) {
    const sets = artists(ctx);
    const all = concepts(ctx);
    type Item = { image: RawImage; label: number; concept: number; artist: number; key: string };
    let downscaled = 0;
    const drawings = all.map((c, ci) => {
      const found: Item[] = [];
      sets.forEach((a, ai) => {
        let image = a.load(c);
        if (!image) return;
        if (Math.max(image.width, image.height) > MAX_SIDE) {
          image = downscaleToFit(image, MAX_SIDE);
          downscaled++;
        }
        const key = createHash('sha1').update(image.pixels).update(`${image.width}x${image.height}`).digest('hex');
        found.push({ image, label: c.label, concept: ci, artist: ai, key });
      });
      return found;
    });

    // People emoji outnumber animals more than 2:1; a seeded sample of person emoji,
    // taken until it has as many images as the animal class, keeps the binary task balanced.
    const animalImages = drawings.filter((_, ci) => all[ci]!.label === 0).reduce((n, d) => n + d.length, 0);
    const personIds = all.map((c, i) => (c.label === 1 ? i : -1)).filter((i) => i >= 0);
    const keepPerson = new Set<number>();
    let personImages = 0;
    for (const k of permutation(personIds.length, SEED)) {
      if (personImages >= animalImages) break;
      keepPerson.add(personIds[k]!);
      personImages += drawings[personIds[k]!]!.length;
    }
    const kept = (ci: number) => all[ci]!.label !== 1 || keepPerson.has(ci);
    // Some sets reuse one drawing for two emoji; keep it once.
    const seen = new Set<string>();
    let duplicates = 0;
    const items = drawings
      .filter((_, ci) => kept(ci))
      .flat()
      .filter((it) => {
        if (seen.has(it.key)) {
          duplicates++;
          return false;
        }
        seen.add(it.key);
        return true;
      });

    // Split by concept, per class (stratified), 70 / 15 / 15 of each class's concepts.
    const rand = mulberry32(SEED + 1);
    const splitOf = new Int32Array(all.length);
    CLASSES.forEach((_, label) => {
      const ids = all.map((c, i) => (c.label === label && kept(i) ? i : -1)).filter((i) => i >= 0);
      const order = reorder(ids, permutation(ids.length, Math.floor(rand() * 2 ** 31)));
      const nVal = Math.round(ids.length * 0.15);
      const nTest = Math.round(ids.length * 0.15);
      order.forEach((id, k) => (splitOf[id] = k < ids.length - nVal - nTest ? 0 : k < ids.length - nTest ? 1 : 2));
    });
    const ordered: Item[] = [];
    const bounds: number[] = [0];
    for (let s = 0; s < 3; s++) {
      const part = items.filter((it) => splitOf[it.concept] === s);
      ordered.push(...reorder(part, permutation(part.length, SEED + 10 + s)));
      bounds.push(ordered.length);
    }

    const n = ordered.length;
    const w = new DatasetWriter(ctx.outDir, 'emoji-categories');
    w.addImages('images', ordered.map((it) => it.image));
    w.addArray('labels', Int32Array.from(ordered, (it) => it.label), [n]);
    w.addArray('artists', Uint8Array.from(ordered, (it) => it.artist), [n]);
    w.addStrings('names', ordered.map((it) => all[it.concept]!.annotation));

    const perClass = CLASSES.map((_, k) => ordered.filter((it) => it.label === k).length);
    const sizes: Record<string, number> = {};
    for (const it of ordered) {
      const k = `${it.image.width}x${it.image.height}`;
      sizes[k] = (sizes[k] ?? 0) + 1;
    }
    const infos = sets.map((a) => ({ ...a, info: packageInfo(ctx.modules, a.package) }));
    const splits = { train: [bounds[0], bounds[1]], validation: [bounds[1], bounds[2]], test: [bounds[2], bounds[3]] };
    return w.finish({
      name: 'emoji-categories',
      title: 'Emoji artwork by category (4 design teams)',
      description:
        'Colour emoji drawings from Noto, Twemoji, OpenMoji and Fluent, in 5 classes taken from the Unicode emoji categories: animal, person, face, food-drink, transport. Sizes vary by set (64, 72 and 128 px). Classes 0 (animal) and 1 (person) on their own make a balanced binary task.',
      source: {
        package: infos.map((a) => a.info.name).join(', '),
        // One version per package, in the order of `package`.
        version: infos.map((a) => a.info.version).join(', '),
        url: 'https://openmoji.org, https://github.com/googlefonts/noto-emoji, https://github.com/jdecked/twemoji, https://github.com/microsoft/fluentui-emoji',
        files: [
          'emoji-datasource-google/img/google/64/*.png',
          'emoji-datasource-twitter/img/twitter/64/*.png',
          'openmoji/color/svg/*.svg',
          'openmoji/data/openmoji.json',
          'fluentui-emoji/icons/modern/*.svg',
        ],
      },
      licence: `Mixed, per artist set (see meta.artists): ${infos.map((a) => `${a.name} ${a.licence}`).join('; ')}. Attribution: ${infos.map((a) => a.attribution).join('. ')}.`,
      build: `Emoji without skin-tone variants, classed by their Unicode group/subgroup (OpenMoji's emoji list). The person class was sampled (mulberry32 seed ${SEED}) from ${personIds.length} to ${keepPerson.size} emoji, taken until it had as many images as the animal class. Each set's image kept at its own size, alpha composited over white, stored as RGB bytes; ${downscaled} images larger than ${MAX_SIDE} px area-downscaled; ${duplicates} exact duplicate drawings dropped. Split by emoji, 70/15/15 of each class's emoji (seed ${SEED + 1}), then shuffled within each split (seeds ${SEED + 10}–${SEED + 12}).`,
      meta: {
        classes: CLASSES.map((c) => c.name),
        classSources: Object.fromEntries(CLASSES.map((c) => [c.name, c.subgroups.map((s) => `${c.group}/${s}`)])),
        binary: { classes: [0, 1], note: 'animal vs person: keep rows with label 0 or 1' },
        artists: infos.map((a) => ({
          name: a.name,
          package: `${a.info.name}@${a.info.version}`,
          licence: a.licence,
          attribution: a.attribution,
          size: a.size,
        })),
        perClass,
        perArtist: sets.map((_, k) => ordered.filter((it) => it.artist === k).length),
        sizes,
        emojiPerClass: CLASSES.map((_, k) => all.filter((c, i) => c.label === k && kept(i)).length),
        count: n,
        maxSide: MAX_SIDE,
        seed: SEED,
        splits,
      },
    });
  },
};
