/**
 * The list of known entities (ExtractContext.known) may change between documents (the ingest
 * appends entities, and aliases to entries, in place), never while one is extracted. The indexes
 * over it (entities.ts, resolve.ts) look for new aliases of old entries once per document, not at
 * every lookup: that scan is as long as the list, and a document makes dozens of lookups. Each run
 * of the pipeline starts a new pass (pipeline.ts initialState).
 */
let pass = 0;

/** Starts a pass: indexes over known entities look for changed entries again. */
export function startPass(): void {
  pass++;
}

/**
 * Lists whose owner reports each entry whose aliases it extends (the ingest's ExtractionState does):
 * at each pass their indexes read only the entries reported since, so the cost per document does
 * not grow with the archive. Other lists are compared entry by entry.
 */
const changeLogs = new WeakMap<object, number[]>();

/** From now on the owner of `list` reports, by noteAliasesAdded, every entry whose aliases grow. */
export function trackAliasChanges(list: readonly object[]): void {
  if (!changeLogs.has(list)) changeLogs.set(list, []);
}

/** Aliases were appended to the entry at `index` of a tracked list. */
export function noteAliasesAdded(list: readonly object[], index: number): void {
  changeLogs.get(list)?.push(index);
}

/** How far an index over a known list has read it. */
export interface KnownCursor {
  /** How many entries are indexed, and how many aliases each had then. */
  aliasCounts: number[];
  /** The pass in which aliases were last looked for. */
  pass: number;
  /** How much of the list's change log was read. */
  logAt: number;
}

export function newCursor(list: readonly object[]): KnownCursor {
  return { aliasCounts: [], pass: -1, logAt: changeLogs.get(list)?.length ?? 0 };
}

/**
 * Once per pass: hands `added` the aliases appended to indexed entries since the cursor last looked
 * (aliases are only ever appended). Entries appended to the list are the caller's to index.
 */
export function refreshAliases<K extends { aliases: string[] }>(list: readonly K[], cur: KnownCursor, added: (k: K, aliases: string[]) => void): void {
  if (cur.pass === pass) return;
  cur.pass = pass;
  const look = (i: number) => {
    const k = list[i];
    if (i < cur.aliasCounts.length && k.aliases.length !== cur.aliasCounts[i]) {
      added(k, k.aliases.slice(cur.aliasCounts[i]));
      cur.aliasCounts[i] = k.aliases.length;
    }
  };
  const log = changeLogs.get(list);
  if (log) {
    for (let j = cur.logAt; j < log.length; j++) look(log[j]);
    cur.logAt = log.length;
  } else for (let i = 0; i < cur.aliasCounts.length; i++) look(i);
}
