/**
 * Real time series from vega-datasets, kept in time order (never shuffled): split
 * into train / validation / test by time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitRanges } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, parseCsv } from './common';

interface SeriesSpec {
  name: string;
  title: string;
  description: string;
  file: string;
  /** CSV column holding the time stamp. */
  timeColumn: string;
  /** CSV columns → stored channel names. */
  channels: [string, string][];
  /** A categorical column stored as int32 indices. */
  category?: { column: string; name: string };
  units: Record<string, string>;
  licence: string;
  sourceUrl: string;
  step: string;
}

function parseTime(s: string): number {
  // Dates without a zone are read as UTC so the stamps do not depend on the build machine.
  const t = Date.parse(/T/.test(s) ? `${s}Z` : `${s}T00:00:00Z`);
  if (!Number.isFinite(t)) throw new Error(`unreadable time "${s}"`);
  return t;
}

function seriesBuilder(spec: SeriesSpec): DatasetBuilder {
  return {
    name: spec.name,
    packages: ['vega-datasets'],
    build(ctx: BuildContext) {
      const pkg = packageInfo(ctx.modules, 'vega-datasets');
      const { header, rows } = parseCsv(readFileSync(join(ctx.modules, 'vega-datasets/data', spec.file), 'utf8'));
      const col = (c: string) => {
        const i = header.indexOf(c);
        if (i < 0) throw new Error(`${spec.name}: no column "${c}" in ${spec.file}`);
        return i;
      };
      const ti = col(spec.timeColumn);
      const ci = spec.channels.map(([c]) => col(c));
      const n = rows.length;
      const time = new Float64Array(n);
      const values = new Float32Array(n * ci.length);
      const categories: string[] = [];
      const category = spec.category ? new Int32Array(n) : undefined;
      rows.forEach((r, i) => {
        time[i] = parseTime(r[ti]!);
        ci.forEach((c, j) => {
          const v = Number(r[c]);
          if (r[c] === '' || !Number.isFinite(v)) throw new Error(`${spec.name}: row ${i} has no number in "${header[c]}"`);
          values[i * ci.length + j] = v;
        });
        if (spec.category && category) {
          const label = r[col(spec.category.column)]!;
          let k = categories.indexOf(label);
          if (k < 0) k = categories.push(label) - 1;
          category[i] = k;
        }
      });
      for (let i = 1; i < n; i++) {
        if (time[i]! <= time[i - 1]!) throw new Error(`${spec.name}: time is not increasing at row ${i}`);
      }
      const gaps = countGaps(time);
      const w = new DatasetWriter(ctx.outDir, spec.name);
      w.addArray('values', values, [n, ci.length]);
      w.addArray('time', time, [n]);
      if (spec.category && category) w.addArray(spec.category.name, category, [n]);
      return w.finish({
        name: spec.name,
        title: spec.title,
        description: spec.description,
        source: { package: pkg.name, version: pkg.version, url: spec.sourceUrl, files: [`data/${spec.file}`] },
        licence: `${spec.licence}; npm package ${pkg.name} ${pkg.license}`,
        build: `Parsed data/${spec.file} in time order (not shuffled), values as float32 [time, channel], time as float64 ms since 1970 (UTC reading of the stamps). Splits are consecutive blocks in time.`,
        meta: {
          channels: spec.channels.map(([, c]) => c),
          units: spec.units,
          step: spec.step,
          start: new Date(time[0]!).toISOString(),
          end: new Date(time[n - 1]!).toISOString(),
          gaps,
          count: n,
          ...(spec.category ? { [`${spec.category.name}Classes`]: categories } : {}),
          splits: splitRanges(n, 0.15, 0.15),
        },
      });
    },
  };
}

/** Steps longer than the most common step (e.g. missing months), so learners know. */
function countGaps(time: Float64Array): number {
  const steps = new Map<number, number>();
  for (let i = 1; i < time.length; i++) {
    const d = time[i]! - time[i - 1]!;
    steps.set(d, (steps.get(d) ?? 0) + 1);
  }
  // Calendar months and years vary in length; anything up to 1.5× the modal step is regular.
  const modal = [...steps.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  let gaps = 0;
  for (let i = 1; i < time.length; i++) if (time[i]! - time[i - 1]! > modal * 1.5) gaps++;
  return gaps;
}

const NOAA = 'U.S. Government work (NOAA National Climatic Data Center), public domain';

export const seattleWeather = seriesBuilder({
  name: 'seattle-weather',
  title: 'Seattle daily weather 2012–2015',
  description: 'Daily precipitation, maximum and minimum temperature and wind in Seattle, 1 Jan 2012 – 31 Dec 2015, with a weather category.',
  file: 'seattle-weather.csv',
  timeColumn: 'date',
  channels: [
    ['precipitation', 'precipitation'],
    ['temp_max', 'temp_max'],
    ['temp_min', 'temp_min'],
    ['wind', 'wind'],
  ],
  category: { column: 'weather', name: 'weather' },
  units: { precipitation: 'mm', temp_max: '°C', temp_min: '°C', wind: 'km/h as documented by the source (magnitudes look like m/s)' },
  licence: NOAA,
  sourceUrl: 'https://www.ncdc.noaa.gov/cdo-web/datatools/records',
  step: '1 day',
});

export const co2 = seriesBuilder({
  name: 'co2',
  title: 'Mauna Loa CO₂, monthly 1958–2020',
  description: 'Monthly mean atmospheric CO₂ at Mauna Loa Observatory (ppm), raw and seasonally adjusted.',
  file: 'co2-concentration.csv',
  timeColumn: 'Date',
  channels: [
    ['CO2', 'co2'],
    ['adjusted CO2', 'co2_adjusted'],
  ],
  units: { co2: 'ppm', co2_adjusted: 'ppm' },
  licence: 'CC-BY-4.0, Scripps CO2 Program (Keeling et al.), attribution required',
  sourceUrl: 'https://scrippsco2.ucsd.edu/data/atmospheric_co2/primary_mlo_co2_record',
  step: '1 month',
});

export const seattleHourlyNormals = seriesBuilder({
  name: 'seattle-hourly-normals',
  title: 'Seattle hourly climate normals',
  description:
    'Hourly 1981–2010 climate normals for Seattle (30-year averages for each hour of a year, stamped on the year 2010): pressure, temperature and wind; 8,759 smooth hourly steps.',
  file: 'seattle-weather-hourly-normals.csv',
  timeColumn: 'date',
  channels: [
    ['pressure', 'pressure'],
    ['temperature', 'temperature'],
    ['wind', 'wind'],
  ],
  units: { pressure: 'hPa', temperature: '°C', wind: 'metric, unit not stated by the source' },
  licence: NOAA,
  sourceUrl: 'https://www.ncdc.noaa.gov/cdo-web/datatools/normals',
  step: '1 hour',
});
