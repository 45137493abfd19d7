import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/graph/convert';

describe('toPlain', () => {
  it('turns driver integers and date-times into numbers and ISO strings, however deep', () => {
    const dt = new neo4j.types.DateTime(2022, 3, 2, 10, 30, 0, 0, 0);
    expect(toPlain({ n: neo4j.int(7), rows: [[neo4j.int(1), neo4j.int(2)], ['a', null]], at: dt })).toEqual({
      n: 7,
      rows: [[1, 2], ['a', null]],
      at: '2022-03-02T10:30:00.000Z',
    });
  });

  it('returns a list of plain values as it is, without copying it', () => {
    const excerpts = ['one', 'two', null, 3];
    expect(toPlain(excerpts)).toBe(excerpts);
  });

  it('converts a list whose driver values come after plain ones', () => {
    expect(toPlain(['x', neo4j.int(5)])).toEqual(['x', 5]);
  });

  it('keeps only the properties of a node', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'ent_1', n: neo4j.int(3) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'ent_1', n: 3 });
  });
});
