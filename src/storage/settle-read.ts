/**
 * A store reads its list from storage while the learner can still add, change or
 * remove items in memory, and the read may have started before or after each of
 * those writes reached the disk. So: storage is the truth for everything memory
 * left alone (an import may just have changed it), and whatever memory changed
 * during the read wins — an item added or replaced stays, an item removed stays
 * removed even though the read may still have returned it.
 *
 * Changes are told by identity: the stores replace an item with a new object
 * whenever they change it, so an object in `now` that was not in `before` is new.
 */
export function settleRead<T, K>(stored: Iterable<T>, before: readonly T[], now: readonly T[], keyOf: (item: T) => K): T[] {
  const settled = new Map<K, T>();
  for (const item of stored) settled.set(keyOf(item), item);
  const atStart = new Set(before);
  for (const item of now) if (!atStart.has(item)) settled.set(keyOf(item), item);
  const stillThere = new Set(now.map(keyOf));
  for (const item of before) if (!stillThere.has(keyOf(item))) settled.delete(keyOf(item));
  return [...settled.values()];
}
