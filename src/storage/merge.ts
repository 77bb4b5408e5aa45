/**
 * How an import joins what is already here, as a pure plan. Nothing is lost:
 *
 * - drafts: per drill the newer text wins; the other one, if different, becomes
 *   a kept draft (Settings → Kept drafts);
 * - attempts: the union. Numeric ids are per browser (two machines both have an
 *   attempt #1), so an attempt is identified by what it is — drill, time, code,
 *   metric and points — and importing the same file twice adds nothing;
 * - kept drafts: the union, by drill and text;
 * - custom drills: per id the newer definition wins; the other one, if different,
 *   is kept as a copy under an id made from its content (so a second import of the
 *   same file adds nothing), titled "(older copy)";
 * - saved models: the union, a model identified by drill, time, size and code.
 */
import { copyOfCustomDrill, sameCustomDrill } from '../core/custom-drill';
import type { CustomDrillRecord, DraftRecord, NewAttempt, NewKeptDraft, NewSavedModel } from './db';

export interface LocalSnapshot {
  drafts: readonly DraftRecord[];
  attempts: readonly NewAttempt[];
  kept: readonly NewKeptDraft[];
  /** Absent in files from before custom drills. */
  customDrills?: readonly CustomDrillRecord[];
  /** Saved models' records (their files travel beside them, matched by index in the file). */
  models?: readonly NewSavedModel[];
}

export interface MergeSummary {
  draftsAdded: number;
  /** Imported drafts newer than ours: they replaced ours, ours were kept. */
  draftsReplaced: number;
  /** Imported drafts older than ours: ours stayed, theirs were kept. */
  draftsKeptAside: number;
  draftsUnchanged: number;
  attemptsAdded: number;
  attemptsAlreadyHere: number;
  keptAdded: number;
  /** Custom drills added or replaced by a newer imported version (copies of older versions included). */
  customDrillsAdded: number;
  modelsAdded: number;
}

export interface MergePlan {
  putDrafts: DraftRecord[];
  addAttempts: NewAttempt[];
  addKept: NewKeptDraft[];
  putCustomDrills: CustomDrillRecord[];
  /** Indexes into `incoming.models` of the models to add. */
  addModels: number[];
  summary: MergeSummary;
}

export function attemptKey(a: NewAttempt): string {
  return JSON.stringify([a.drillId, a.at, a.points, a.passed, a.metric.name, a.metric.value, a.code]);
}

const keptKey = (k: { drillId: string; code: string }) => JSON.stringify([k.drillId, k.code]);

export function planMerge(local: LocalSnapshot, incoming: LocalSnapshot, now: number): MergePlan {
  const summary: MergeSummary = {
    draftsAdded: 0,
    draftsReplaced: 0,
    draftsKeptAside: 0,
    draftsUnchanged: 0,
    attemptsAdded: 0,
    attemptsAlreadyHere: 0,
    keptAdded: 0,
    customDrillsAdded: 0,
    modelsAdded: 0,
  };
  const putDrafts: DraftRecord[] = [];
  const addKept: NewKeptDraft[] = [];
  const addAttempts: NewAttempt[] = [];

  const keptSeen = new Set(local.kept.map(keptKey));
  // A text that is, or will be, a current draft need not be kept as well.
  const keep = (draft: DraftRecord) => {
    const key = keptKey(draft);
    if (keptSeen.has(key)) return;
    keptSeen.add(key);
    addKept.push({ drillId: draft.drillId, code: draft.code, updatedAt: draft.updatedAt, keptAt: now, reason: 'import' });
    summary.keptAdded++;
  };

  const current = new Map(local.drafts.map((d) => [d.drillId, d]));
  // If a file lists a drill twice, its newest entry is its draft and the rest are kept.
  const newestIncoming = new Map<string, DraftRecord>();
  const olderIncoming: DraftRecord[] = [];
  for (const d of incoming.drafts) {
    const other = newestIncoming.get(d.drillId);
    if (!other) newestIncoming.set(d.drillId, d);
    else if (d.updatedAt > other.updatedAt) {
      olderIncoming.push(other);
      newestIncoming.set(d.drillId, d);
    } else olderIncoming.push(d);
  }

  for (const theirs of newestIncoming.values()) {
    const ours = current.get(theirs.drillId);
    if (!ours) {
      putDrafts.push(theirs);
      current.set(theirs.drillId, theirs);
      summary.draftsAdded++;
    } else if (ours.code === theirs.code) {
      summary.draftsUnchanged++;
    } else if (theirs.updatedAt > ours.updatedAt) {
      putDrafts.push(theirs);
      current.set(theirs.drillId, theirs);
      keep(ours);
      summary.draftsReplaced++;
    } else {
      keep(theirs);
      summary.draftsKeptAside++;
    }
  }
  for (const d of olderIncoming) if (current.get(d.drillId)?.code !== d.code) keep(d);
  for (const k of incoming.kept) {
    const key = keptKey(k);
    if (keptSeen.has(key)) continue;
    keptSeen.add(key);
    addKept.push({ ...k });
    summary.keptAdded++;
  }

  const attemptsSeen = new Set(local.attempts.map(attemptKey));
  for (const a of incoming.attempts) {
    const key = attemptKey(a);
    if (attemptsSeen.has(key)) {
      summary.attemptsAlreadyHere++;
      continue;
    }
    attemptsSeen.add(key);
    addAttempts.push(a);
    summary.attemptsAdded++;
  }

  const putCustomDrills = planCustomDrills(local.customDrills ?? [], incoming.customDrills ?? []);
  summary.customDrillsAdded = putCustomDrills.length;
  const modelsSeen = new Set((local.models ?? []).map(modelKey));
  const addModels: number[] = [];
  (incoming.models ?? []).forEach((m, i) => {
    const key = modelKey(m);
    if (modelsSeen.has(key)) return;
    modelsSeen.add(key);
    addModels.push(i);
  });
  summary.modelsAdded = addModels.length;
  return { putDrafts, addAttempts, addKept, putCustomDrills, addModels, summary };
}

const modelKey = (m: NewSavedModel) => JSON.stringify([m.drillId, m.savedAt, m.bytes, m.code]);


/** The older side of a conflict, under an id of its own that depends only on its content. */
function olderCopy(r: CustomDrillRecord): CustomDrillRecord {
  const definition = copyOfCustomDrill(r.definition, 'older copy');
  return { id: definition.id, definition, updatedAt: r.updatedAt };
}

function planCustomDrills(local: readonly CustomDrillRecord[], incoming: readonly CustomDrillRecord[]): CustomDrillRecord[] {
  const current = new Map(local.map((r) => [r.id, r]));
  const put: CustomDrillRecord[] = [];
  const save = (r: CustomDrillRecord) => {
    current.set(r.id, r);
    put.push(r);
  };
  for (const theirs of incoming) {
    const ours = current.get(theirs.id);
    if (!ours) {
      save(theirs);
      continue;
    }
    if (sameCustomDrill(ours.definition, theirs.definition)) continue;
    const theirsIsNewer = theirs.updatedAt > ours.updatedAt;
    if (theirsIsNewer) save(theirs);
    const copy = olderCopy(theirsIsNewer ? ours : theirs);
    if (!current.has(copy.id)) save(copy);
  }
  return put;
}

/** One line for the toast after an import. */
export function describeMerge(s: MergeSummary, skipped: number): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  if (s.draftsAdded + s.draftsReplaced > 0) parts.push(`${n(s.draftsAdded + s.draftsReplaced, 'draft')} restored`);
  if (s.attemptsAdded > 0) parts.push(`${n(s.attemptsAdded, 'attempt')} added`);
  if (s.modelsAdded > 0) parts.push(`${n(s.modelsAdded, 'saved model')} added`);
  if (s.customDrillsAdded > 0) parts.push(`${n(s.customDrillsAdded, 'custom drill')} added`);
  if (s.keptAdded > 0) parts.push(`${n(s.keptAdded, 'older draft')} kept aside (Settings → Kept drafts)`);
  if (parts.length === 0) parts.push('Nothing new: everything in the file was already here');
  if (skipped > 0) parts.push(`${n(skipped, 'unreadable record')} skipped`);
  return `Import done: ${parts.join(', ')}.`;
}
