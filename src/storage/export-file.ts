/**
 * The one-file backup of everything: drafts, attempts, kept drafts, custom drills
 * and saved models (their files as base64), as JSON.
 * Files come from other machines and other versions, so `restoreExportFile`
 * checks every record, drops (and counts) the ones it cannot use, and never throws.
 */
import { restoreCustomDrill } from '../core/custom-drill';
import type { MetricName } from '../core/drill';
import type { BackendName } from '../runner/protocol';
import type { CustomDrillRecord, DraftRecord, KeptReason, NewAttempt, NewKeptDraft, NewSavedModel } from './db';

export const EXPORT_FORMAT = 'tensor-dojo-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ms since epoch */
  exportedAt: number;
  drafts: DraftRecord[];
  /** Without the per-browser numeric ids: they mean nothing on another machine. */
  attempts: NewAttempt[];
  kept: NewKeptDraft[];
  /** Added after the first files were written: absent in those, and read as none. */
  customDrills: CustomDrillRecord[];
  /** Likewise: trained models, each with its files (model.json + weights) in base64. */
  models: ExportedModel[];
}

export interface ExportedModel {
  model: NewSavedModel;
  files: { name: string; base64: string }[];
}

export type RestoreExportResult =
  | { ok: true; file: ExportFile; /** Records that were unreadable and left out. */ skipped: number }
  | { ok: false; error: string };

/** Far above any real export, far below what would freeze the tab. */
export const MAX_EXPORT_CHARS = 200_000_000;

const METRICS: readonly MetricName[] = ['accuracy', 'mae', 'mse', 'rmse'];
const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const REASONS: readonly KeptReason[] = ['import', 'link', 'restore'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isDrillId = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);

function restoreDraft(v: unknown): DraftRecord | null {
  if (!isObj(v) || !isDrillId(v.drillId) || typeof v.code !== 'string' || !isTime(v.updatedAt)) return null;
  return { drillId: v.drillId, code: v.code, updatedAt: v.updatedAt };
}

function restoreAttempt(v: unknown): NewAttempt | null {
  if (!isObj(v) || !isDrillId(v.drillId) || !isTime(v.at) || typeof v.code !== 'string') return null;
  const m = v.metric;
  if (!isObj(m) || !METRICS.includes(m.name as MetricName)) return null;
  if (m.value !== null && !(typeof m.value === 'number' && Number.isFinite(m.value))) return null;
  if (typeof v.points !== 'number' || !Number.isInteger(v.points) || v.points < 0 || v.points > 5) return null;
  if (typeof v.passed !== 'boolean') return null;
  const backend = BACKENDS.includes(v.backend as BackendName) ? (v.backend as BackendName) : null;
  const attempt: NewAttempt = {
    drillId: v.drillId,
    at: v.at,
    code: v.code,
    metric: { name: m.name as MetricName, value: m.value as number | null },
    points: v.points,
    passed: v.passed,
    backend,
  };
  if (isTime(v.runMs)) attempt.runMs = v.runMs;
  return attempt;
}

function restoreKept(v: unknown): NewKeptDraft | null {
  if (!isObj(v) || !isDrillId(v.drillId) || typeof v.code !== 'string' || !isTime(v.updatedAt) || !isTime(v.keptAt)) return null;
  const reason = REASONS.includes(v.reason as KeptReason) ? (v.reason as KeptReason) : 'import';
  return { drillId: v.drillId, code: v.code, updatedAt: v.updatedAt, keptAt: v.keptAt, reason };
}

function restoreCustomDrillRecord(v: unknown): CustomDrillRecord | null {
  if (!isObj(v) || !isTime(v.updatedAt)) return null;
  const restored = restoreCustomDrill(v.definition);
  return restored.ok ? { id: restored.value.id, definition: restored.value, updatedAt: v.updatedAt } : null;
}

/**
 * Exactly what `atob` (and so `base64ToBytes`) decodes, checked without decoding,
 * so a damaged model is skipped here like any bad record: base64 characters, then
 * padding only where it completes the last group of four; without padding, any
 * ending but a lone leftover character (a cut-off "AAAAA").
 */
function isBase64(text: string): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
  return text.endsWith('=') ? text.length % 4 === 0 : text.length % 4 !== 1;
}

function restoreExportedModel(v: unknown): ExportedModel | null {
  if (!isObj(v) || !isObj(v.model) || !Array.isArray(v.files) || v.files.length === 0 || v.files.length > 64) return null;
  const m = v.model;
  if (!isDrillId(m.drillId) || !isTime(m.savedAt) || typeof m.code !== 'string' || !isTime(m.bytes)) return null;
  const files: ExportedModel['files'] = [];
  for (const f of v.files) {
    if (!isObj(f) || typeof f.name !== 'string' || !/^[\w.-]{1,128}$/.test(f.name) || typeof f.base64 !== 'string' || !isBase64(f.base64)) return null;
    files.push({ name: f.name, base64: f.base64 });
  }
  const points = typeof m.points === 'number' && Number.isInteger(m.points) && m.points >= 0 && m.points <= 5 ? m.points : null;
  return {
    model: {
      drillId: m.drillId,
      savedAt: m.savedAt,
      code: m.code,
      backend: BACKENDS.includes(m.backend as BackendName) ? (m.backend as BackendName) : null,
      runMs: isTime(m.runMs) ? m.runMs : null,
      bytes: m.bytes,
      points,
      ...(m.stoppedEarly === true ? { stoppedEarly: true } : {}),
    },
    files,
  };
}

/** Base64 without a library: `btoa` takes a binary string, built in chunks so a large model does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function restoreList<T>(v: unknown, restore: (item: unknown) => T | null): { items: T[]; skipped: number } {
  if (v === undefined) return { items: [], skipped: 0 };
  if (!Array.isArray(v)) return { items: [], skipped: 1 };
  const items: T[] = [];
  let skipped = 0;
  for (const item of v) {
    const r = restore(item);
    if (r) items.push(r);
    else skipped++;
  }
  return { items, skipped };
}

export function restoreExportFile(raw: unknown): RestoreExportResult {
  if (!isObj(raw) || raw.format !== EXPORT_FORMAT) return { ok: false, error: 'This is not a Tensor Dojo export file.' };
  if (typeof raw.version !== 'number' || raw.version > EXPORT_VERSION) {
    return { ok: false, error: `This export was made by a newer version of Tensor Dojo (file version ${String(raw.version)}). Update the app (reload it while online), then import again.` };
  }
  const drafts = restoreList(raw.drafts, restoreDraft);
  const attempts = restoreList(raw.attempts, restoreAttempt);
  const kept = restoreList(raw.kept, restoreKept);
  const customDrills = restoreList(raw.customDrills, restoreCustomDrillRecord);
  const models = restoreList(raw.models, restoreExportedModel);
  return {
    ok: true,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: isTime(raw.exportedAt) ? raw.exportedAt : 0,
      drafts: drafts.items,
      attempts: attempts.items,
      kept: kept.items,
      customDrills: customDrills.items,
      models: models.items,
    },
    skipped: drafts.skipped + attempts.skipped + kept.skipped + customDrills.skipped + models.skipped,
  };
}

/** Parses the text of a file the learner picked; never throws. */
export function parseExportText(text: string): RestoreExportResult {
  if (text.length > MAX_EXPORT_CHARS) return { ok: false, error: 'This file is too large to be a Tensor Dojo export.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON — it may be damaged or cut off. Export again on the other machine.' };
  }
  return restoreExportFile(raw);
}

/** `tensor-dojo-2025-03-14.json` */
export function exportFileName(at: number): string {
  return `tensor-dojo-${new Date(at).toISOString().slice(0, 10)}.json`;
}
