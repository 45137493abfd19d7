/**
 * A small invented archive for API tests: two documents that report the same quote, a
 * contradiction, events on different days. Stored through the real repository into Neo4j.
 */
import type { Services } from '../../src/services';
import { day, entity, event, extraction, preparedDoc, statement } from './fixtures';

export const TEXT_A =
  'Governor Mira Okafor said on Tuesday that the bridge at Port Lenna had been destroyed. ' +
  '"We will rebuild it within a year," Okafor told Radio Lenna. ' +
  'The Coastal Defense Agency said its forces control Port Lenna. ' +
  'A storm hit Port Lenna on Monday.';

export const TEXT_B =
  '"We will rebuild it within a year," Governor Mira Okafor said on Wednesday. ' +
  'Rebel commanders said they hold all of Port Lenna.';

export async function seedWorld(services: Services) {
  const okaforA = entity('PERSON', 'Mira Okafor', TEXT_A, ['Okafor', 'Okafór']);
  const agency = entity('ORGANIZATION', 'Coastal Defense Agency', TEXT_A);
  const lenna = entity('PLACE', 'Port Lenna', TEXT_A, [], { latitude: 12.5, longitude: -3.25 });
  const rebels = entity('ORGANIZATION', 'Rebel commanders', TEXT_B);
  const quoteKey = 'stmt:person:mira-okafor:we will rebuild it within a year';
  const docA = preparedDoc(TEXT_A, { title: 'Bridge destroyed in Port Lenna', published: '2031-05-07' });
  const docB = preparedDoc(TEXT_B, { title: 'Governor vows to rebuild', published: '2031-05-08' });
  const xA = extraction({
    entities: [okaforA, agency, lenna],
    statements: [
      statement(TEXT_A, {
        said: 'Governor Mira Okafor said on Tuesday that the bridge at Port Lenna had been destroyed.',
        text: 'the bridge at Port Lenna had been destroyed',
        speakerKey: okaforA.key,
        speakerText: 'Governor Mira Okafor',
        saidAt: day('2031-05-06', 'Tuesday'),
        aboutKeys: [lenna.key],
      }),
      statement(TEXT_A, {
        key: quoteKey,
        said: '"We will rebuild it within a year," Okafor told Radio Lenna.',
        quote: 'We will rebuild it within a year,',
        speakerKey: okaforA.key,
        speakerText: 'Okafor',
        channel: 'Radio Lenna',
        saidAt: day('2031-05-07'),
        aboutKeys: [lenna.key],
      }),
      statement(TEXT_A, {
        key: 'stmt:agency-control',
        said: 'The Coastal Defense Agency said its forces control Port Lenna.',
        text: 'its forces control Port Lenna',
        speakerKey: agency.key,
        speakerText: 'The Coastal Defense Agency',
        saidAt: day('2031-05-07'),
        aboutKeys: [lenna.key],
        claims: [{ type: 'control', placeKey: lenna.key, holder: agency.key, full: true }],
      }),
    ],
    events: [event(TEXT_A, { said: 'A storm hit Port Lenna on Monday.', type: 'disaster', when: day('2031-05-05', 'Monday'), placeKeys: [lenna.key] })],
  });
  const xB = extraction({
    entities: [entity('PERSON', 'Mira Okafor', TEXT_B), entity('PLACE', 'Port Lenna', TEXT_B), rebels],
    statements: [
      statement(TEXT_B, {
        key: quoteKey,
        said: '"We will rebuild it within a year," Governor Mira Okafor said on Wednesday.',
        quote: 'We will rebuild it within a year,',
        speakerKey: okaforA.key,
        speakerText: 'Governor Mira Okafor',
        saidAt: day('2031-05-07', 'Wednesday'),
        aboutKeys: [lenna.key],
      }),
      statement(TEXT_B, {
        key: 'stmt:rebels-control',
        said: 'Rebel commanders said they hold all of Port Lenna.',
        text: 'they hold all of Port Lenna',
        speakerKey: rebels.key,
        speakerText: 'Rebel commanders',
        saidAt: day('2031-05-08'),
        aboutKeys: [lenna.key],
      }),
    ],
    contradictions: [{ a: 'stmt:rebels-control', b: 'stmt:agency-control', reason: 'who controls Port Lenna' }],
  });
  const a = await services.archive.storeDocument(docA, xA);
  const b = await services.archive.storeDocument(docB, xB);
  return { docA, docB, a, b, okafor: okaforA, agency, lenna, rebels };
}
