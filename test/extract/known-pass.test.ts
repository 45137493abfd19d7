import { describe, expect, it } from 'vitest';
import { newCursor, noteAliasesAdded, refreshAliases, startPass, trackAliasChanges } from '../../src/extract/known-pass';

type Entry = { key: string; aliases: string[] };
/** An index over the list: entries indexed so far, as the extraction's indexes keep them. */
function indexOver(list: Entry[]) {
  const cur = newCursor(list);
  const seen: string[] = [];
  const refresh = () => {
    refreshAliases(list, cur, (k, aliases) => seen.push(...aliases.map((a) => `${k.key}:${a}`)));
    for (let i = cur.aliasCounts.length; i < list.length; i++) cur.aliasCounts.push(list[i].aliases.length);
  };
  return { seen, refresh };
}

describe('known-pass', () => {
  it('hands an index the aliases appended to an entry it had indexed, once per pass', () => {
    const list: Entry[] = [{ key: 'a', aliases: [] }, { key: 'b', aliases: ['B1'] }];
    const ix = indexOver(list);
    startPass();
    ix.refresh();
    list[1].aliases.push('B2');
    ix.refresh(); // same pass: not looked for again
    expect(ix.seen).toEqual([]);
    startPass();
    ix.refresh();
    expect(ix.seen).toEqual(['b:B2']);
  });

  it('reads only the entries a tracked list reports, so an unreported change is not seen', () => {
    const list: Entry[] = [{ key: 'a', aliases: [] }, { key: 'b', aliases: [] }];
    trackAliasChanges(list);
    const ix = indexOver(list);
    startPass();
    ix.refresh();
    list[0].aliases.push('A1');
    list[1].aliases.push('B1');
    noteAliasesAdded(list, 1);
    startPass();
    ix.refresh();
    expect(ix.seen).toEqual(['b:B1']);
  });

  it('does not hand a new index the changes reported before it was made', () => {
    const list: Entry[] = [{ key: 'a', aliases: ['A1'] }];
    trackAliasChanges(list);
    noteAliasesAdded(list, 0);
    const ix = indexOver(list);
    startPass();
    ix.refresh();
    list[0].aliases.push('A2');
    noteAliasesAdded(list, 0);
    startPass();
    ix.refresh();
    expect(ix.seen).toEqual(['a:A2']);
  });
});
