/**
 * The lab API: what learner code imports as `'tensor-dojo'`.
 *
 * Types for the `lab` argument, plus the Keras-like helpers the exam's Python had
 * and tfjs lacks (Tokenizer, padSequences, windowing, image resizing/augmentation).
 * The graders use these very functions, so preprocessing matches exactly.
 */
export type { Lab, LabData, TensorLabData, ImageLabData, TextLabData, SeriesLabData, LabelledSplit } from './types';
export type { RawImage } from '../data';
export type { DrillMeta, ModelContract } from '../drill';
export * from '../helpers';
