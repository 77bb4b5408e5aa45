import { AREA_TITLES } from '../../core/drill';
import { loadRegistry } from '../exercises';
import type { Command } from '../main';

export const listCommand: Command = {
  summary: 'List the drills (id, area, title, metric, thresholds).',
  usage: 'dojo list [--json]',
  options: { json: { type: 'boolean' } },
  async run({ values }) {
    const drills = (await loadRegistry()).list();
    if (values.json) {
      console.log(JSON.stringify(drills, null, 2));
      return 0;
    }
    let area = 0;
    for (const d of drills) {
      if (d.area !== area) {
        area = d.area;
        console.log(`\nArea ${area}: ${AREA_TITLES[d.area]}`);
      }
      const dir = d.metric.higherIsBetter ? '≥' : '≤';
      console.log(`  ${d.id.padEnd(28)} ${d.title}  [${d.metric.name} ${dir} ${d.thresholds[4]} for 5/5]`);
    }
    return 0;
  },
};
