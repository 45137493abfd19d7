import { describe, expect, it } from 'vitest';
import { ExtractionState } from '../../src/services/extraction-state';

describe('ExtractionState', () => {
  it('resolves a later document by an alias an earlier one added to a known entity', () => {
    const st = new ExtractionState({ authorities: [], known: [] });
    const [first] = st.extract('The Global Water Partnership said on Monday that the wells were dry.', '2024-03-01').entities;
    st.extract('The Global Water Partnership (GWP) said on Tuesday that it would send pumps.', '2024-03-01');
    expect(st.known).toEqual([{ key: first.key, kind: 'ORGANIZATION', name: 'Global Water Partnership', aliases: ['GWP'] }]);
    const third = st.extract('GWP said on Friday that the pumps had arrived.', '2024-03-01');
    expect(third.entities.map((e) => e.key)).toEqual([first.key]);
    expect(third.statements.map((s) => s.speakerKey)).toEqual([first.key]);
  });

  it('does not merge an unrelated organization into a known one', () => {
    const st = new ExtractionState({ authorities: [], known: [] });
    const [first] = st.extract('The Global Water Partnership said on Monday that the wells were dry.', '2024-03-01').entities;
    const second = st.extract('The Harbour Pilots Association said on Friday that the port was closed.', '2024-03-01');
    expect(second.entities.map((e) => e.key)).not.toContain(first.key);
  });
});
