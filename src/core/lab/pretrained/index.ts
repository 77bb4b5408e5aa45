/** Pretrained bases: their file format, and turning their artifacts into a model. */
export * from './format';
export { modelFromPretrained, unknownPretrained } from './load';
