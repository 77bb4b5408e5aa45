/**
 * Keras-like helpers for learner code and graders (re-exported by the lab API):
 * text tokenising and padding, series windowing and scaling, image resizing,
 * rescaling and augmentation, and the seeded generator they share.
 */
export {
  Tokenizer,
  textToWordSequence,
  KERAS_TEXT_FILTERS,
  type TokenizerOptions,
  type TokenizerText,
  type TokenizerMatrixMode,
  type TextToWordOptions,
  type DenseMatrix,
  type KerasTokenizerJson,
} from './tokenizer';
export {
  padSequences,
  padSequencesTensor,
  padSequencesArrays,
  type PaddedTensor,
  type PadSequencesOptions,
  type PaddedSequences,
  type PadSide,
} from './pad-sequences';
export {
  makeWindows,
  makeInputWindows,
  windowedDataset,
  windowTensors,
  modelForecast,
  type SeriesWindows,
  type WindowTargetOptions,
  type WindowedDatasetOptions,
  type WindowBatch,
  type Predictor,
} from './windowing';
export { SeriesScaler, normalizeSeries, type ScalerMethod, type SeriesScalerState } from './series-scaler';
export {
  resizeImage,
  resizeImages,
  imagesToTensor,
  rescale,
  type ResizeOptions,
  type ImageBatchOptions,
} from './images';
export {
  randomFlip,
  randomRotation,
  randomZoom,
  randomTranslation,
  augmentBatch,
  createAugmenter,
  setAugmentationSeed,
  applyTransforms,
  rotationMatrix,
  zoomMatrix,
  translationMatrix,
  type AugmentOptions,
  type WarpOptions,
  type FillMode,
  type Interpolation,
  type FlipMode,
  type Factor,
  type TransformRow,
} from './augment';
export { createRng, shuffleOrder, type Rng } from './random';
