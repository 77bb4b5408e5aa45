/** Issue 19 item 7: picking another metric renames it in the label the report shows. */
import { describe, expect, it } from 'vitest';
import { withMetric, type CustomDrillForm } from '../../../src/ui/custom/custom-form';

const form = (metric: CustomDrillForm['metric'], metricLabel: string): CustomDrillForm => ({
  title: 't',
  base: 'auto-mpg',
  statement: '',
  metric,
  metricLabel,
  thresholds: ['1', '2', '3', '4', '5'],
  outputActivation: 'any',
  requiredLayers: '',
  forbiddenLayers: '',
  maxParams: '',
  starter: '',
});

describe('withMetric', () => {
  it('renames the metric a label names', () => {
    expect(withMetric(form('mae', 'test MAE (mpg)'), 'rmse')).toMatchObject({ metric: 'rmse', metricLabel: 'test RMSE (mpg)' });
    expect(withMetric(form('rmse', 'test RMSE (mpg)'), 'mse').metricLabel).toBe('test MSE (mpg)');
    expect(withMetric(form('mse', 'MSE on the normalised series'), 'mae').metricLabel).toBe('MAE on the normalised series');
  });

  it('gives an empty label a plain one and keeps the author’s own words', () => {
    expect(withMetric(form('mae', ''), 'rmse').metricLabel).toBe('test RMSE');
    expect(withMetric(form('mae', 'error in miles per gallon'), 'rmse').metricLabel).toBe('error in miles per gallon');
  });
});
