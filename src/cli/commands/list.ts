import { AREA_TITLES, LEVEL_LABELS } from '../../core/drill';
import { loadRegistry } from '../exercises';
import type { Command } from '../main';

export const listCommand: Command = {
  summary: 'List the drills in board order (id, area, level, title, metric, thresholds).',
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
      const level = d.level !== undefined ? `L${d.level} ${LEVEL_LABELS[d.level]}` : '';
      const notes = [d.startHere ? 'start here' : '', d.buildsOn ? `builds on ${d.buildsOn}` : ''].filter(Boolean).join('; ');
      console.log(`  ${d.id.padEnd(28)} ${level.padEnd(16)} ${d.title}  [${d.metric.name} ${dir} ${d.thresholds[4]} for 5/5]${notes ? `  (${notes})` : ''}`);
    }
    return 0;
  },
};
