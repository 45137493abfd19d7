/** Invented timeline entries for the export unit tests: quotes, commas, newlines, inexact dates. */
import type { ExportEntry } from '../../src/export/types';

const docA = { id: 'doc_aaaaaaaaaaaaaaaaaaaaaaaa', title: 'Bridge destroyed, "again", in Port Lenna', url: 'https://example.org/a?x=1&y=2' };
const docB = { id: 'doc_bbbbbbbbbbbbbbbbbbbbbbbb', title: 'Governor vows to rebuild', url: null };

export const ENTRIES: ExportEntry[] = [
  {
    at: { edtf: '2031-05', earliest: '2031-05-01T00:00:00.000Z', latest: '2031-05-31T23:59:59.999Z', text: 'in May' },
    item: {
      __typename: 'Event',
      id: 'evt_00000000000000000001',
      label: 'A storm hit Port Lenna',
      type: 'disaster',
      when: { edtf: '2031-05', earliest: '2031-05-01T00:00:00.000Z', latest: '2031-05-31T23:59:59.999Z', text: 'in May' },
      places: [{ id: 'ent_00000000000000000003', name: 'Port Lenna' }],
      participants: [],
      evidence: [{ document: docA, start: 200, end: 232, excerpt: 'A storm hit Port Lenna in May.' }],
    },
  },
  {
    at: { edtf: '2031-05-06', earliest: '2031-05-06T00:00:00.000Z', latest: '2031-05-06T23:59:59.999Z', text: 'Tuesday' },
    item: {
      __typename: 'Statement',
      id: 'stm_00000000000000000001',
      kind: 'QUOTE',
      text: 'We will rebuild it, "stone by stone",\nwithin a year',
      quote: 'We will rebuild it, "stone by stone",\nwithin a year',
      speaker: { id: 'ent_00000000000000000001', name: 'Mira Okafor', kind: 'PERSON' },
      speakerText: 'Governor Mira Okafor',
      channel: 'Radio Lenna',
      saidAt: { edtf: '2031-05-06', earliest: '2031-05-06T00:00:00.000Z', latest: '2031-05-06T23:59:59.999Z', text: 'Tuesday' },
      saidIn: { id: 'ent_00000000000000000003', name: 'Port Lenna' },
      evidence: [
        { document: docA, start: 0, end: 60, excerpt: '"We will rebuild it, "stone by stone",\nwithin a year," Okafor said.' },
        { document: docB, start: 10, end: 70, excerpt: 'Okafor said: <b>rebuild</b>' },
      ],
      contradicts: ['stm_00000000000000000002'],
    },
  },
  {
    at: { edtf: '2031-05-07?', earliest: '2031-05-07T00:00:00.000Z', latest: '2031-05-07T23:59:59.999Z', text: null },
    item: {
      __typename: 'Statement',
      id: 'stm_00000000000000000002',
      kind: 'REPORTED',
      text: 'the bridge, they said, will never be rebuilt',
      quote: null,
      speaker: null,
      speakerText: 'rebel commanders',
      channel: null,
      saidAt: { edtf: '2031-05-07?', earliest: '2031-05-07T00:00:00.000Z', latest: '2031-05-07T23:59:59.999Z', text: null },
      saidIn: null,
      evidence: [{ document: docB, start: 80, end: 120, excerpt: 'Rebel commanders said the bridge will never be rebuilt.' }],
      contradicts: ['stm_00000000000000000001'],
    },
  },
  {
    at: { edtf: '2031-05-08/2031-05-10', earliest: '2031-05-08T00:00:00.000Z', latest: '2031-05-10T23:59:59.999Z', text: 'over the weekend' },
    item: {
      __typename: 'Event',
      id: 'evt_00000000000000000002',
      label: 'Talks between the agency and the rebels',
      type: 'negotiation',
      when: { edtf: '2031-05-08/2031-05-10', earliest: '2031-05-08T00:00:00.000Z', latest: '2031-05-10T23:59:59.999Z', text: 'over the weekend' },
      places: [],
      participants: [
        { id: 'ent_00000000000000000002', name: 'Coastal Defense Agency', kind: 'ORGANIZATION' },
        { id: 'ent_00000000000000000004', name: 'Rebels, Inc.', kind: 'ORGANIZATION' },
      ],
      evidence: [
        { document: docA, start: 300, end: 340, excerpt: 'Talks were held over the weekend.' },
        { document: docB, start: 130, end: 170, excerpt: 'Talks, again.' },
      ],
    },
  },
];
