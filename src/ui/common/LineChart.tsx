/**
 * A uPlot line chart that redraws only when `version` changes, however often the
 * data grows, in its turn among the page's charts (one chart per animation frame,
 * see frame-queue.ts): the charts never slow training or make a long task.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartLine } from '../../state/chart-data';
import { alignLines } from '../../state/chart-data';
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
  const labelsKey = useRef('');
  const latest = useRef({ lines, styleOf });
  latest.current = { lines, styleOf };

  useEffect(() => {
    const draw = () => {
      const el = host.current;
      if (!el) return;
      const current = latest.current.lines();
      const aligned = alignLines(current);
      const key = `${theme}|${current.map((l) => l.label).join('|')}`;
      const data = [aligned.x, ...aligned.ys] as uPlot.AlignedData;
      if (!plot.current || labelsKey.current !== key) {
        plot.current?.destroy();
        labelsKey.current = key;
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
          series: [
            {},
            ...current.map((l, i) => {
              const s = latest.current.styleOf(l.label, i);
              return {
                label: l.label,
                stroke: s.stroke,
                width: s.width ?? 1.5,
                dash: s.dash,
                spanGaps: true,
                points: { show: s.points ?? false, size: 5 },
              };
            }),
          ],
        };
        plot.current = new uPlot(opts, data, el);
      } else {
        plot.current.setData(data);
      }
    };
    return inTurnNextFrame(draw);
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
