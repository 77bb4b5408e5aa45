/** The code editor: Monaco loaded lazily behind a small interface, a textarea meanwhile. */
export { CodeEditor } from './CodeEditor';
export type { CodeEditorHandle, CodeEditorProps, EditorMarker } from './types';
