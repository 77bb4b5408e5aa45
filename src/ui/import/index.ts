/** Model files in and out of the app: "Grade a model" (`#/import`) and the run pane's "Export model". */
export { ImportPage } from './ImportPage';
export { ExportModelButton } from './ExportModelButton';
