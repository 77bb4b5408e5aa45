/** Hands the app's stores to React; components read them with selectors. */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CustomDrillDefinition } from '../core/custom-drill';
import type { CustomDrillProblem, DrillRegistry } from '../core/registry';
import type { AppStores } from '../state/app-stores';

const StoresContext = createContext<{ stores: AppStores; drills: DrillRegistry } | null>(null);

/** The drill registry is handed in too, so a test page can show made-up drills. */
export function StoresProvider({ stores, drills, children }: { stores: AppStores; drills: DrillRegistry; children: ReactNode }) {
  const value = useMemo(() => ({ stores, drills }), [stores, drills]);
  return <StoresContext.Provider value={value}>{children}</StoresContext.Provider>;
}

function useAppContext() {
  const ctx = useContext(StoresContext);
  if (!ctx) throw new Error('useStores outside <StoresProvider>.');
  return ctx;
}

export function useStores(): AppStores {
  return useAppContext().stores;
}

type Catalog = ReturnType<DrillRegistry['withCustom']>;

// Checking every custom definition is not free and many components on one page ask
// for the catalog; the store replaces `definitions` on each change, so keying on
// the array builds it once per change for all of them (weakly, so old ones go).
const catalogs = new WeakMap<DrillRegistry, WeakMap<readonly CustomDrillDefinition[], Catalog>>();

function catalogOf(drills: DrillRegistry, definitions: readonly CustomDrillDefinition[]): Catalog {
  let byDefinitions = catalogs.get(drills);
  if (!byDefinitions) catalogs.set(drills, (byDefinitions = new WeakMap()));
  let catalog = byDefinitions.get(definitions);
  if (!catalog) byDefinitions.set(definitions, (catalog = drills.withCustom(definitions)));
  return catalog;
}

/** The shipped drills and the learner's custom ones that can be graded, and why any others cannot. */
export function useDrillCatalog(): { registry: DrillRegistry; problems: CustomDrillProblem[]; customLoaded: boolean } {
  const { drills } = useAppContext();
  const definitions = useApp('customDrills', (s) => s.definitions);
  const customLoaded = useApp('customDrills', (s) => s.status === 'ready');
  const { registry, problems } = catalogOf(drills, definitions);
  return { registry, problems, customLoaded };
}

/** Every drill the learner can open: shipped and custom. */
export function useDrills(): DrillRegistry {
  return useDrillCatalog().registry;
}

/** Only the shipped drills (the mock exam draws from these). */
export function useShippedDrills(): DrillRegistry {
  return useAppContext().drills;
}

type StateOf<K extends keyof AppStores> = ReturnType<AppStores[K]['getState']>;

/** `useApp('run', (s) => s.status)`; the selector should return a stable value (no new objects). */
export function useApp<K extends keyof AppStores, T>(key: K, selector: (state: StateOf<K>) => T): T {
  const store = useStores()[key] as unknown as Parameters<typeof useStore>[0];
  return useStore(store, selector as (s: unknown) => T);
}

/** The current `location.hash`, re-rendering on change. */
export function useHash(): string {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('hashchange', notify);
      return () => window.removeEventListener('hashchange', notify);
    },
    () => window.location.hash,
  );
}
