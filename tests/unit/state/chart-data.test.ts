import { describe, expect, it } from 'vitest';
import { seriesEdits } from '../../../src/state/chart-data';

/** Applies the edits the way uPlot's delSeries/addSeries(opts, index) do, to a list of labels. */
function apply(have: string[], want: string[]): string[] | null {
  const edits = seriesEdits(have, want);
  if (!edits) return null;
  const out = [...have];
  for (const i of edits.remove) out.splice(i, 1);
  for (const { label, index } of edits.add) out.splice(index, 0, label);
  return out;
}

describe('seriesEdits', () => {
  const batch = 'loss (batch)';
  const epoch = 'loss (epoch)';
  const val = 'val_loss';

  it('adds the epoch and validation lines that appear after the first epoch, in place', () => {
    expect(seriesEdits([batch], [batch, epoch, val])).toEqual({ remove: [], add: [{ label: epoch, index: 1 }, { label: val, index: 2 }] });
    expect(apply([batch], [batch, epoch, val])).toEqual([batch, epoch, val]);
  });

  it('drops lines a new run does not have yet, highest index first', () => {
    expect(seriesEdits([batch, epoch, val], [batch])).toEqual({ remove: [2, 1], add: [] });
    expect(apply([batch, epoch, val], [batch])).toEqual([batch]);
  });

  it('adds in the middle and removes at once', () => {
    expect(apply([batch, val], [batch, epoch])).toEqual([batch, epoch]);
    expect(apply([epoch], [batch, epoch, val])).toEqual([batch, epoch, val]);
    expect(apply([], [batch])).toEqual([batch]);
    expect(seriesEdits([batch, epoch], [batch, epoch])).toEqual({ remove: [], add: [] });
  });

  it('gives up (a rebuild) when the kept lines would change order', () => {
    expect(seriesEdits([val, batch], [batch, epoch, val])).toBeNull();
  });
});
