/**
 * `#/import`: "Grade a model". The learner drops or picks `model.json` and its
 * weight files — tfjs-converter's output for a Keras model trained in Colab, or what
 * `model.save('downloads://…')` writes — picks a drill, and gets the same report
 * card as a model trained here. Broken uploads show the reader's or grader's message.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { routeHref } from '../../state/route';
import { ExamBanner } from '../exam/ExamBanner';
import { ReportCard } from '../report/ReportCard';
import { useApp, useDrills, useStores } from '../stores';
import { filesFromDrop, kerasAsModelFiles, readModelFiles } from './read-files';
import './import.css';

export function ImportPage({ drillId: initialDrill }: { drillId?: string }) {
  const { modelImport } = useStores();
  const registry = useDrills();
  const drills = useMemo(() => registry.list(), [registry]);
  const [drillId, setDrillId] = useState(() => (initialDrill && registry.has(initialDrill) ? initialDrill : (drills[0]?.id ?? '')));
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [readingKeras, setReadingKeras] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const status = useApp('modelImport', (s) => s.status);
  const report = useApp('modelImport', (s) => s.report);
  const error = useApp('modelImport', (s) => s.error);
  const gradedDrill = useApp('modelImport', (s) => s.drillId);
  const exam = useApp('exam', (s) => s.exam);

  // A link to another drill's import page (same component, new prop) selects that drill:
  // state adjusted while rendering, as React advises, not in an effect after a wasted render.
  const [linkedDrill, setLinkedDrill] = useState(initialDrill);
  if (initialDrill !== linkedDrill) {
    setLinkedDrill(initialDrill);
    if (initialDrill && registry.has(initialDrill)) setDrillId(initialDrill);
  }
  // A result on screen belongs to the files and drill it was graded for; clear it when leaving.
  useEffect(() => () => modelImport.getState().reset(), [modelImport]);

  const busy = readingKeras || status === 'reading' || status === 'grading';
  const entry = registry.has(drillId) ? registry.get(drillId) : null;
  const drill = entry?.drill ?? null;
  const examTask = exam?.tasks.some((t) => t.drillId === drillId) ?? false;

  const choose = (list: File[]) => {
    setFiles(list);
    setReadError(null);
    modelImport.getState().reset();
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    try {
      choose(await filesFromDrop(e.dataTransfer));
    } catch (err) {
      setReadError(`The dropped files could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const grade = async () => {
    if (!drill || files.length === 0) return;
    setReadError(null);
    let modelFiles;
    try {
      modelFiles = await readModelFiles(files);
    } catch (err) {
      setReadError(`The files could not be read: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // A .keras/.h5 file is read here, on the page, into the pair every other upload is; the reader's message is shown as is.
    setReadingKeras(true);
    try {
      modelFiles = await kerasAsModelFiles(modelFiles);
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
      return;
    } finally {
      setReadingKeras(false);
    }
    await modelImport.getState().grade(drill.id, modelFiles, entry?.custom);
  };

  const shownError = readError ?? (status === 'failed' ? error : null);

  return (
    <>
      {examTask && <ExamBanner drillId={drillId} />}
      <section className="import-page" aria-labelledby="import-title">
        <h1 id="import-title">Grade a model</h1>
        <p>
          Trained a model somewhere else — Keras in Colab, TensorFlow.js in Node? Upload it here and the same grader marks it on the drill's
          hidden test split, exactly as it marks a model trained in the lab.
        </p>

        <div className="field">
          <label htmlFor="import-drill">Drill</label>
          <select
            id="import-drill"
            value={drillId}
            onChange={(e) => {
              setDrillId(e.target.value);
              modelImport.getState().reset();
            }}
          >
            {drills.map((d) => (
              <option key={d.id} value={d.id}>
                Area {d.area} · {d.title}
              </option>
            ))}
          </select>
          {drill && (
            <p className="hint" data-testid="import-contract">
              The model must take input shape [{drill.contract.inputShape.join(', ')}] and end in {drill.contract.outputUnits}{' '}
              {drill.contract.outputUnits === 1 ? 'unit' : 'units'}
              {drill.contract.outputActivation ? ` with a ${drill.contract.outputActivation} activation` : ''}.{' '}
              <a href={routeHref({ name: 'drill', id: drill.id })}>Read the statement</a>
            </p>
          )}
        </div>

        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void onDrop(e)}
        >
          <p>
            Drop a Keras <code>.keras</code> or <code>.h5</code> file, or <code>model.json</code> and its weight files (<code>*.bin</code>) or their
            folder here, or{' '}
            <button type="button" className="link-button" onClick={() => inputRef.current?.click()}>
              choose files
            </button>
            .
          </p>
          <input
            ref={inputRef}
            className="sr-only"
            type="file"
            multiple
            aria-label="Model files"
            onChange={(e) => {
              choose([...(e.target.files ?? [])]);
              // Let the same files be picked again after a fix elsewhere.
              e.target.value = '';
            }}
          />
          {files.length > 0 && (
            <ul className="import-files" data-testid="import-files">
              {files.map((f, i) => (
                <li key={i}>
                  {f.webkitRelativePath || f.name} <span className="hint">({f.size.toLocaleString()} bytes)</span>
                </li>
              ))}
            </ul>
          )}
        </div>

        <button type="button" className="btn btn-primary" disabled={!drill || files.length === 0 || busy} onClick={() => void grade()}>
          Grade model
        </button>

        {busy && (
          <p className="run-status" role="status">
            {readingKeras || status === 'reading' ? 'Reading the model files…' : 'Grading on the hidden test split…'}
          </p>
        )}
        {shownError && (
          <div className="run-error" role="alert" data-testid="import-error">
            <h3>The model could not be graded</h3>
            <p>{shownError}</p>
          </div>
        )}
        {status === 'graded' && report && gradedDrill === drillId && <ReportCard report={report} />}

        <details className="import-help">
          <summary>How do I get these files?</summary>
          <ul>
            <li>
              <strong>Keras (Colab, Python)</strong>: <code>model.save("model.keras")</code> or <code>model.save("model.h5")</code>, download the
              file and drop it here as it is: it is read in this page, nothing is uploaded anywhere. Sequential and Functional models of built-in
              layers are read; a Lambda layer or a subclassed model is refused with the reason (the exam refused them too). A{' '}
              <code>tensorflowjs_converter</code> output (<code>model.json</code> with its <code>group1-shard…bin</code> files) works as well, also
              from Keras 3. <code>dojo convert model.keras out/</code> writes a standard TensorFlow.js model from any of these.
            </li>
            <li>
              <strong>TensorFlow.js</strong>: <code>await model.save('downloads://model')</code> writes <code>model.json</code> and{' '}
              <code>model.weights.bin</code>; “Export model” in the run pane saves the same pair.
            </li>
          </ul>
        </details>
      </section>
    </>
  );
}
