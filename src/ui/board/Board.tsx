/** Home: the five exam areas as columns, each drill a card with its progress. */
import { useMemo, useState } from 'react';
import { AREA_TITLES, LEVEL_LABELS, type Area, type DrillMeta } from '../../core/drill';
import { formatMetric } from '../common/format';
import { progressByDrill, STATUS_LABELS, summarizeAttempts, type DrillProgress } from '../../state/progress';
import { routeHref } from '../../state/route';
import { formatDuration } from '../../state/run-fold';
import { useApp, useDrillCatalog } from '../stores';
import { filterDrills, NO_FILTER } from './board-filter';
import { BoardFilters } from './BoardFilters';
import './board.css';

const AREAS: Area[] = [1, 2, 3, 4, 5];

export function Board() {
  const attempts = useApp('progress', (s) => s.attempts);
  const progress = useMemo(() => progressByDrill(attempts), [attempts]);
  const { registry, problems } = useDrillCatalog();
  const drills = useMemo(() => registry.list(), [registry]);
  const passed = drills.filter((d) => progress.get(d.id)?.status === 'passed').length;
  const [filter, setFilter] = useState(NO_FILTER);
  const shown = useMemo(() => filterDrills(drills, progress, filter), [drills, progress, filter]);
  const titles = useMemo(() => new Map(drills.map((d) => [d.id, d.title])), [drills]);
  const start = registry.startHere();

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board-intro">
        <h1 id="board-title">Practice board</h1>
        <p>
          Exam-style practice for the five areas of the TensorFlow Developer Certificate, in TensorFlow.js: write the whole training program,
          train it in your browser, and submit the model for a mark out of 5 on data your code never sees. (The certificate exam itself
          closed in 2024; the drills keep its format.)
        </p>
        {start && (
          <p className="board-start" data-testid="board-start">
            New here? Start with <a href={routeHref({ name: 'drill', id: start.id })}>{start.title}</a>: one neuron, seconds to train. Each
            area's column runs from first steps to stretch drills.
          </p>
        )}
        <p className="board-summary">
          {passed} of {drills.length} drills passed.
        </p>
        <BoardFilters filter={filter} onChange={setFilter} shown={shown.length} total={drills.length} />
        <p className="board-actions">
          <a className="btn" href={routeHref({ name: 'exam' })}>
            Mock exam
          </a>{' '}
          <a className="btn" href={routeHref({ name: 'custom-new' })}>
            New custom drill
          </a>{' '}
          <span className="hint">a custom drill: your own statement, metric and thresholds on a shipped drill’s data</span>
        </p>
        {problems.length > 0 && (
          <ul className="board-problems" role="status">
            {problems.map((p) => (
              <li key={p.id}>
                {p.error} <a href={routeHref({ name: 'custom-edit', id: p.id })}>Edit it</a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="board-columns">
        {AREAS.map((area) => {
          const inArea = shown.filter((d) => d.area === area);
          return (
            <section key={area} className="board-column" aria-labelledby={`area-${area}`}>
              <h2 id={`area-${area}`}>
                <span className="area-number">{area}</span> {AREA_TITLES[area]}
              </h2>
              {inArea.length === 0 ? (
                <p className="board-empty">{drills.some((d) => d.area === area) ? 'None match the filters.' : 'No drills yet.'}</p>
              ) : (
                <ul className="card-list">
                  {inArea.map((d) => (
                    <li key={d.id}>
                      <DrillCard drill={d} progress={progress.get(d.id) ?? summarizeAttempts([])} buildsOnTitle={d.buildsOn && titles.get(d.buildsOn)} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function DrillCard({ drill, progress, buildsOnTitle }: { drill: DrillMeta; progress: DrillProgress; buildsOnTitle?: string }) {
  const best = progress.bestPoints;
  return (
    <article className={`drill-card status-${progress.status}${drill.startHere ? ' start-here' : ''}`} data-testid={`drill-card-${drill.id}`}>
      <p className="drill-tags">
        {drill.startHere && <span className="tag tag-start">Start here</span>}
        {drill.level !== undefined && <span className={`tag tag-level level-${drill.level}`}>{LEVEL_LABELS[drill.level]}</span>}
      </p>
      <h3>
        <a href={routeHref({ name: 'drill', id: drill.id })}>{drill.title}</a>
        {drill.base !== undefined && (
          <>
            {' '}
            <span className="tag tag-custom">custom</span>
          </>
        )}
      </h3>
      <p className="drill-summary">{drill.summary}</p>
      {drill.buildsOn !== undefined && (
        <p className="drill-builds-on">
          Builds on <a href={routeHref({ name: 'drill', id: drill.buildsOn })}>{buildsOnTitle ?? drill.buildsOn}</a>
        </p>
      )}
      <p className="drill-metric">
        {drill.metric.label}: 5/5 at {drill.metric.higherIsBetter ? '≥' : '≤'} {formatMetric(drill.thresholds[4], drill.metric.name)}
      </p>
      <dl className="drill-stats">
        <div>
          <dt>Status</dt>
          <dd className="status-pill">{STATUS_LABELS[progress.status]}</dd>
        </div>
        <div>
          <dt>Best</dt>
          <dd>{best === null ? '—' : `${best}/5`}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{progress.attempts}</dd>
        </div>
        {progress.timeSpentMs > 0 && (
          <div>
            <dt>Training time</dt>
            <dd>{formatDuration(progress.timeSpentMs)}</dd>
          </div>
        )}
        {drill.minutes !== undefined && (
          <div>
            <dt>Guide</dt>
            <dd>~{drill.minutes} min</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
