/** The React app: the shell and the provider that hands it its stores and drills. */
export { App } from './App';
export { StoresProvider, useApp, useDrills, useStores } from './stores';
