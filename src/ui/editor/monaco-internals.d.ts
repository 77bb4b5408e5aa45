/**
 * Monaco's tab-focus switch is not in its public typings; this is the slice we use
 * (the same object Ctrl+M toggles), so Escape-then-Tab and the hint agree with it.
 */
declare module 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    setTabFocusMode(on: boolean): void;
    onDidChangeTabFocus(listener: (on: boolean) => void): { dispose(): void };
  };
}
