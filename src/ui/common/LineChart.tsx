/**
 * A uPlot line chart that redraws only when `version` changes, however often the
 * data grows, in its turn among the page's charts (one chart per animation frame,
 * see frame-queue.ts), built once and edited after: the charts never slow
 * training or make a long task.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartLine } from '../../state/chart-data';
import { alignLines, seriesEdits } from '../../state/chart-data';
import { inTurnNextFrame } from './frame-queue';

export interface LineStyle {
  stroke: string;
  dash?: number[];
  width?: number;
  points?: boolean;
}

interface Props {
  title: string;
  xLabel: string;
  /** Called when a redraw is due; should be cheap to call (reads shared arrays). */
  lines: () => ChartLine[];
  version: number;
  styleOf(label: string, index: number): LineStyle;
  height?: number;
  /** Recreates the chart when the theme (and so its colours) changes. */
  theme?: string;
}

/** Canvas strokes cannot use CSS variables, so their values are read once per chart. */
function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function LineChart({ title, xLabel, lines, version, styleOf, height = 180, theme }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const builtFor = useRef('');
  const latest = useRef({ lines, styleOf });
  // Refreshed after each render, before the effects below read it (effects run in order).
  useLayoutEffect(() => {
    latest.current = { lines, styleOf };
  });

  useEffect(() => {
    let followUp: (() => void) | undefined;
    const seriesOf = (label: string, index: number): uPlot.Series => {
      const s = latest.current.styleOf(label, index);
      return { label, stroke: s.stroke, width: s.width ?? 1.5, dash: s.dash, spanGaps: true, points: { show: s.points ?? false, size: 5 } };
    };
    const draw = () => {
      const el = host.current;
      if (!el) return;
      const current = latest.current.lines();
      const labels = current.map((l) => l.label);
      const key = `${theme}|${xLabel}|${height}`;
      const edits = plot.current && builtFor.current === key ? seriesEdits(plot.current.series.slice(1).map((s) => String(s.label)), labels) : null;
      if (!plot.current || !edits) {
        plot.current?.destroy();
        builtFor.current = key;
        const axis = cssVar('--fg-muted', '#9aa4b2');
        const grid = cssVar('--grid', 'rgba(128,128,128,0.2)');
        const opts: uPlot.Options = {
          width: Math.max(200, el.clientWidth),
          height,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false } },
          axes: [
            { label: xLabel, stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid } },
            { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid }, size: 56 },
          ],
          series: [{}, ...labels.map(seriesOf)],
        };
        // Built empty, drawn in the next turn: building a chart and drawing it in
        // one frame made a 16–28 ms-CPU task (`dojo bench longtasks`).
        plot.current = new uPlot(opts, [[], ...labels.map(() => [])] as uPlot.AlignedData, el);
        followUp = inTurnNextFrame(draw);
        return;
      }
      // Lines that appear (epoch and validation points) or go (a new run) are
      // edited in place: rebuilding both charts at a run's first epoch was its longest task.
      for (const i of edits.remove) plot.current.delSeries(i + 1);
      for (const { label, index } of edits.add) plot.current.addSeries(seriesOf(label, index), index + 1);
      const aligned = alignLines(current);
      plot.current.setData([aligned.x, ...aligned.ys] as uPlot.AlignedData);
    };
    const cancel = inTurnNextFrame(draw);
    return () => {
      cancel();
      followUp?.();
    };
  }, [version, height, xLabel, theme]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      plot.current?.setSize({ width: Math.max(200, el.clientWidth), height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [height]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} className="chart-host" role="img" aria-label={title} />
    </figure>
  );
}
