/**
 * New York daily weather 2012–2015 from vega-datasets' weather.csv, which interleaves
 * Seattle and New York rows: only the New York rows, in time order (never shuffled),
 * split into train / validation / test by time. A series of its own, so the Seattle
 * drills' data and this one's never overlap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitRanges } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, parseCsv } from './common';

const CHANNELS = ['temp_max', 'temp_min', 'precipitation', 'wind'];
const DAY_MS = 24 * 3600 * 1000;

export const newYorkWeather: DatasetBuilder = {
  name: 'new-york-weather',
  packages: ['vega-datasets'],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, 'vega-datasets');
    const { header, rows } = parseCsv(readFileSync(join(ctx.modules, 'vega-datasets/data/weather.csv'), 'utf8'));
    const col = (c: string) => {
      const i = header.indexOf(c);
      if (i < 0) throw new Error(`new-york-weather: no column "${c}" in weather.csv`);
      return i;
    };
    const ny = rows.filter((r) => r[col('location')] === 'New York');
    const n = ny.length;
    const time = new Float64Array(n);
    const values = new Float32Array(n * CHANNELS.length);
    ny.forEach((r, i) => {
      // Dates are read as UTC so the stamps do not depend on the build machine.
      time[i] = Date.parse(`${r[col('date')]}T00:00:00Z`);
      CHANNELS.forEach((c, j) => {
        const v = Number(r[col(c)]);
        if (r[col(c)] === '' || !Number.isFinite(v)) throw new Error(`new-york-weather: row ${i} has no number in "${c}"`);
        values[i * CHANNELS.length + j] = v;
      });
    });
    for (let i = 1; i < n; i++) {
      if (time[i]! - time[i - 1]! !== DAY_MS) throw new Error(`new-york-weather: not one row per day at row ${i}`);
    }
    const w = new DatasetWriter(ctx.outDir, 'new-york-weather');
    w.addArray('values', values, [n, CHANNELS.length]);
    w.addArray('time', time, [n]);
    return w.finish({
      name: 'new-york-weather',
      title: 'New York daily weather 2012–2015',
      description: 'Daily maximum and minimum temperature, precipitation and wind in New York, 1 Jan 2012 – 31 Dec 2015, one row per day with no gaps.',
      source: { package: pkg.name, version: pkg.version, url: 'https://www.ncdc.noaa.gov/cdo-web/datatools/records', files: ['data/weather.csv'] },
      licence: `U.S. Government work (NOAA National Climatic Data Center), public domain; npm package ${pkg.name} ${pkg.license}`,
      build: 'Kept the New York rows of data/weather.csv (the Seattle rows are the seattle-weather dataset), in time order (not shuffled), values as float32 [time, channel], time as float64 ms since 1970 (UTC reading of the dates). Splits are consecutive blocks in time.',
      meta: {
        channels: CHANNELS,
        units: { temp_max: '°C', temp_min: '°C', precipitation: 'mm', wind: 'm/s as the magnitudes suggest (unit not stated by the source)' },
        step: '1 day',
        start: new Date(time[0]!).toISOString(),
        end: new Date(time[n - 1]!).toISOString(),
        gaps: 0,
        count: n,
        splits: splitRanges(n, 0.15, 0.15),
      },
    });
  },
};
