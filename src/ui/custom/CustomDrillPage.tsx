/**
 * `#/custom/new[/<base>]` and `#/custom/edit/<id>`: authoring a custom drill on the
 * data of a shipped one. The form edits text fields; saving goes through the
 * custom drills store, which checks the result exactly as it checks a link.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { metricHigherIsBetter } from '../../core/custom-drill';
import { compatibleMetrics, customDrillFrom, customDrillId } from '../../core/custom-drill-entry';
import { AREA_TITLES, type Area, type MetricName, type OutputActivation } from '../../core/drill';
import type { DrillEntry } from '../../core/registry';
import { routeHref } from '../../state/route';
import { downloadFiles } from '../import/download';
import { NotFound } from '../NotFound';
import { renderMarkdown } from '../common/markdown';
import { formatMetric } from '../common/format';
import { InlineConfirm } from '../common/InlineConfirm';
import { usePageTitle } from '../common/use-page-title';
import { useApp, useShippedDrills, useStores } from '../stores';
import { definitionFromForm, formFromDefinition, withMetric, type CustomDrillForm } from './custom-form';
import './custom.css';
import { navigate } from '../common/navigate';

const ACTIVATIONS: readonly (OutputActivation | 'any')[] = ['any', 'softmax', 'sigmoid', 'linear'];
const METRIC_NAMES: Record<MetricName, string> = { accuracy: 'accuracy', mae: 'mean absolute error', mse: 'mean squared error', rmse: 'root mean squared error' };

export function CustomDrillPage({ editId, base }: { editId?: string; base?: string }) {
  const shipped = useShippedDrills();
  const status = useApp('customDrills', (s) => s.status);
  const existing = useApp('customDrills', (s) => (editId === undefined ? undefined : s.definitions.find((d) => d.id === editId)));
  const entries = shipped.list().map((d) => shipped.get(d.id));
  if (editId !== undefined) {
    if (status === 'loading') return <div className="page-loading" aria-busy="true" />;
    if (!existing) return <NotFound what={`There is no custom drill called “${editId}” in this browser.`} />;
    return <CustomDrillForm key={editId} initial={formFromDefinition(existing)} id={existing.id} shipped={entries} />;
  }
  const start = entries.find((e) => e.drill.id === base) ?? entries[0];
  if (!start) return <NotFound what="There are no shipped drills to build on." />;
  return <CustomDrillForm key={start.drill.id} initial={formFromDefinition(customDrillFrom(start, 'custom-new'))} shipped={entries} />;
}

function CustomDrillForm({ initial, id, shipped }: { initial: CustomDrillForm; id?: string; shipped: DrillEntry[] }) {
  const { customDrills, notices } = useStores();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const baseEntry = shipped.find((e) => e.drill.id === form.base);
  const isNew = id === undefined;

  usePageTitle(isNew ? 'New custom drill' : 'Edit custom drill');

  const set = <K extends keyof CustomDrillForm>(key: K, value: CustomDrillForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const html = useMemo(() => (preview ? renderMarkdown(form.statement) : ''), [preview, form.statement]);

  if (!baseEntry) return <NotFound what={`This custom drill is built on “${form.base}”, which this version of Tensor Dojo does not have.`} />;
  const b = baseEntry.drill;
  const metrics = compatibleMetrics(b.metric.name);
  const higherIsBetter = metricHigherIsBetter(form.metric);

  // A new drill follows the base it is switched to: its rules, starter and statement.
  const switchBase = (baseId: string) => {
    const next = shipped.find((e) => e.drill.id === baseId);
    if (next) setForm({ ...formFromDefinition(customDrillFrom(next, 'custom-new')), title: form.title === `My ${b.title}` ? `My ${next.drill.title}` : form.title });
  };

  const raw = (drillId: string) => definitionFromForm(form, drillId, b.contract);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const drillId = id ?? customDrillId(form.title, crypto.randomUUID().slice(0, 6));
    const outcome = await customDrills.getState().save(raw(drillId));
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    if (!outcome.persisted) notices.getState().pushToast('Saved for this tab only: storage refused it (see the banner).');
    navigate({ name: 'drill', id: drillId });
  };

  const remove = async () => {
    if (id === undefined) return;
    const definition = customDrills.getState().get(id);
    await customDrills.getState().remove(id);
    notices.getState().pushToast(`Deleted the custom drill “${form.title}”. Its draft and attempts are kept.`, {
      label: 'Undo',
      run: () => definition && void customDrills.getState().save(definition),
    });
    navigate({ name: 'board' });
  };

  const download = () => {
    const drillId = id ?? customDrillId(form.title, 'draft');
    downloadFiles([{ name: `${drillId}.json`, bytes: new TextEncoder().encode(`${JSON.stringify(raw(drillId), null, 2)}\n`) }]);
  };

  return (
    <section className="custom-page" aria-labelledby="custom-title">
      <p className="crumbs">
        <a href={routeHref({ name: 'board' })}>Board</a> / {isNew ? 'New custom drill' : 'Edit custom drill'}
      </p>
      <h1 id="custom-title">{isNew ? 'New custom drill' : `Edit “${initial.title}”`}</h1>
      <p>
        A drill of your own on the data of a shipped drill: the same train, validation and hidden test splits, graded by the same grader, with
        your statement, starter, metric, thresholds and model rules. It is kept in this browser, goes into <em>Export everything</em>, and
        travels with its code in a share link.
      </p>
      <form className="custom-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor="custom-base">Data from</label>
          <select id="custom-base" value={form.base} disabled={!isNew} onChange={(e) => switchBase(e.target.value)}>
            {([1, 2, 3, 4, 5] as Area[]).map((area) => (
              <optgroup key={area} label={`Area ${area}: ${AREA_TITLES[area]}`}>
                {shipped
                  .filter((e) => e.drill.area === area)
                  .map((e) => (
                    <option key={e.drill.id} value={e.drill.id}>
                      {e.drill.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <p className="hint">
            {isNew ? 'Choosing another drill resets the fields below to its rules.' : 'The data of a saved drill cannot change; make a new drill instead.'} Area {b.area}; the
            model takes <code>[null, {b.contract.inputShape.join(', ')}]</code> and gives {b.contract.outputUnits} output
            {b.contract.outputUnits === 1 ? '' : 's'}.
          </p>
        </div>
        <div className="field">
          <label htmlFor="custom-title-input">Title</label>
          <input type="text" id="custom-title-input" value={form.title} maxLength={120} onChange={(e) => set('title', e.target.value)} required />
        </div>
        <div className="field">
          <div className="field-head">
            <label htmlFor="custom-statement">Statement (Markdown)</label>
            <button type="button" className="btn btn-quiet" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
              {preview ? 'Edit' : 'Preview'}
            </button>
          </div>
          {preview ? (
            <div className="markdown custom-preview" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <textarea id="custom-statement" className="text-field" rows={8} value={form.statement} onChange={(e) => set('statement', e.target.value)} />
          )}
        </div>
        <fieldset className="field">
          <legend>Metric and marks</legend>
          <div className="custom-row">
            <label>
              Metric
              <select value={form.metric} onChange={(e) => setForm((f) => withMetric(f, e.target.value as MetricName))} aria-label="Metric">
                {metrics.map((m) => (
                  <option key={m} value={m}>
                    {m} ({METRIC_NAMES[m]})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Label
              <input type="text" value={form.metricLabel} maxLength={80} onChange={(e) => set('metricLabel', e.target.value)} aria-label="Metric label" />
            </label>
          </div>
          <p className="hint">
            {higherIsBetter ? 'Higher is better: each mark needs at least its value (fractions, 0.9 = 90 %).' : 'Lower is better: each mark needs at most its value.'}{' '}
            “{b.title}” gives 5/5 at {b.metric.higherIsBetter ? '≥' : '≤'} {formatMetric(b.thresholds[4], b.metric.name)} ({b.metric.label}).
          </p>
          <div className="custom-thresholds">
            {form.thresholds.map((t, i) => (
              <label key={i}>
                {i + 1}/5 {higherIsBetter ? '≥' : '≤'}
                <input
                  type="text"
                  inputMode="decimal"
                  value={t}
                  aria-label={`Needed for ${i + 1} of 5 points`}
                  onChange={(e) => set('thresholds', form.thresholds.map((v, j) => (j === i ? e.target.value : v)) as CustomDrillForm['thresholds'])}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Model rules</legend>
          <div className="custom-row">
            <label>
              Output activation
              <select value={form.outputActivation} onChange={(e) => set('outputActivation', e.target.value as CustomDrillForm['outputActivation'])} aria-label="Output activation">
                {ACTIVATIONS.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Max parameters
              <input type="text" inputMode="numeric" value={form.maxParams} placeholder="no limit" onChange={(e) => set('maxParams', e.target.value)} aria-label="Max parameters" />
            </label>
          </div>
          <div className="custom-row">
            <label>
              Must contain one of
              <input type="text" value={form.requiredLayers} placeholder="e.g. Conv2D, LSTM" onChange={(e) => set('requiredLayers', e.target.value)} aria-label="Required layers" />
            </label>
            <label>
              Not allowed
              <input type="text" value={form.forbiddenLayers} placeholder="e.g. Lambda" onChange={(e) => set('forbiddenLayers', e.target.value)} aria-label="Forbidden layers" />
            </label>
          </div>
          <p className="hint">Layer class names as in model.json (Dense, Conv2D, LSTM, Embedding…), separated by commas.</p>
        </fieldset>
        <div className="field">
          <label htmlFor="custom-starter">Starter code</label>
          <textarea id="custom-starter" className="text-field code-textarea" rows={12} spellCheck={false} value={form.starter} onChange={(e) => set('starter', e.target.value)} />
        </div>
        {error && (
          <p className="custom-error" role="alert">
            {error}
          </p>
        )}
        <div className="custom-actions">
          <button type="submit" className="btn btn-primary">
            {isNew ? 'Create drill' : 'Save changes'}
          </button>
          <a className="btn" href={isNew ? routeHref({ name: 'board' }) : routeHref({ name: 'drill', id: id! })}>
            Cancel
          </a>
          <button type="button" className="btn btn-quiet" onClick={download} title="For `dojo grade <file.json> <solution or model.json>`">
            Download definition
          </button>
          {!isNew && (
            <InlineConfirm
              inline
              label="Delete…"
              labelClassName="btn btn-quiet"
              question="Delete this drill? Its draft and attempts stay."
              confirmLabel="Delete"
              cancelLabel="Keep it"
              onConfirm={() => void remove()}
            />
          )}
        </div>
      </form>
    </section>
  );
}
