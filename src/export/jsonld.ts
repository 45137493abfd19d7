/**
 * JSON-LD with schema.org and PROV-O, under an inline @context (no remote context is ever fetched).
 * Statements are schema:Quotation (QUOTE) or schema:Claim (REPORTED); events schema:Event. Each item
 * is a prov:Entity `prov:wasDerivedFrom` the documents that report it, with one
 * prov:qualifiedDerivation per evidence passage (offsets and excerpt); a statement is
 * `prov:wasAttributedTo` its speaker (a prov:Agent). A schema:ItemList keeps timeline order.
 * Ids: `urn:annals:node:<API id>`; Annals' own terms live under `urn:annals:vocab:`.
 */
import type { ExportEntityRef, ExportEntry, ExportEvidence, ExportPlaceRef, ExportTimeSpan } from './types';

export const NODE_IRI = 'urn:annals:node:';
export const VOCAB_IRI = 'urn:annals:vocab:';

export const JSONLD_CONTEXT = {
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  node: NODE_IRI,
  annals: VOCAB_IRI,
} as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ref = (id: string): JsonObject => ({ '@id': `node:${id}` });
const dateTime = (v: string): JsonObject => ({ '@value': v, '@type': 'xsd:dateTime' });
const int = (n: number): JsonObject => ({ '@value': String(n), '@type': 'xsd:integer' });

const ENTITY_TYPE: Record<string, string> = { PERSON: 'schema:Person', ORGANIZATION: 'schema:Organization', PLACE: 'schema:Place' };

function timeProps(at: ExportTimeSpan): JsonObject {
  const out: JsonObject = { 'annals:edtf': at.edtf, 'annals:earliest': dateTime(at.earliest), 'annals:latest': dateTime(at.latest) };
  if (at.text) out['annals:timeText'] = at.text;
  return out;
}

function derivation(evidence: ExportEvidence[]): JsonObject {
  const docs = [...new Set(evidence.map((e) => e.document.id))];
  return {
    'prov:wasDerivedFrom': docs.map(ref),
    'prov:qualifiedDerivation': evidence.map((e) => ({
      '@type': 'prov:Derivation',
      'prov:entity': ref(e.document.id),
      'annals:start': int(e.start),
      'annals:end': int(e.end),
      'annals:excerpt': e.excerpt,
    })),
  };
}

export interface JsonLdDocument {
  '@context': typeof JSONLD_CONTEXT;
  '@graph': JsonObject[];
}

export function toJsonLd(entries: ExportEntry[]): JsonLdDocument {
  const items: JsonObject[] = [];
  const entities = new Map<string, JsonObject>();
  const documents = new Map<string, JsonObject>();
  const agents = new Set<string>();

  const addEntity = (e: ExportEntityRef | (ExportPlaceRef & { kind?: string })) => {
    if (!entities.has(e.id)) {
      entities.set(e.id, { '@id': `node:${e.id}`, '@type': [ENTITY_TYPE[e.kind ?? 'PLACE'] ?? 'schema:Thing'], 'schema:identifier': e.id, 'schema:name': e.name });
    }
  };
  const addDocuments = (evidence: ExportEvidence[]) => {
    for (const { document: d } of evidence) {
      if (documents.has(d.id)) continue;
      const node: JsonObject = { '@id': `node:${d.id}`, '@type': ['schema:CreativeWork', 'prov:Entity'], 'schema:identifier': d.id, 'schema:name': d.title };
      if (d.url) node['schema:url'] = { '@id': d.url };
      documents.set(d.id, node);
    }
  };

  for (const { at, item } of entries) {
    addDocuments(item.evidence);
    if (item.__typename === 'Statement') {
      const node: JsonObject = {
        '@id': `node:${item.id}`,
        '@type': [item.kind === 'QUOTE' ? 'schema:Quotation' : 'schema:Claim', 'prov:Entity'],
        'schema:identifier': item.id,
        'annals:statementKind': item.kind,
        'schema:text': item.text,
        ...timeProps(at),
      };
      if (item.quote !== null) node['annals:quote'] = item.quote;
      if (item.speaker) {
        addEntity(item.speaker);
        agents.add(item.speaker.id);
        node['prov:wasAttributedTo'] = ref(item.speaker.id);
        node['schema:creator'] = ref(item.speaker.id);
      }
      if (item.speakerText) node['annals:speakerText'] = item.speakerText;
      if (item.channel) node['annals:channel'] = item.channel;
      if (item.saidIn) {
        addEntity({ ...item.saidIn, kind: 'PLACE' });
        node['schema:locationCreated'] = ref(item.saidIn.id);
      }
      if (item.contradicts.length) node['annals:contradicts'] = item.contradicts.map(ref);
      Object.assign(node, derivation(item.evidence));
      items.push(node);
    } else {
      const node: JsonObject = {
        '@id': `node:${item.id}`,
        '@type': ['schema:Event', 'prov:Entity'],
        'schema:identifier': item.id,
        'schema:name': item.label,
        'annals:eventType': item.type,
        'schema:startDate': dateTime(at.earliest),
        'schema:endDate': dateTime(at.latest),
        ...timeProps(at),
      };
      for (const p of item.places) addEntity({ ...p, kind: 'PLACE' });
      for (const p of item.participants) addEntity(p);
      if (item.places.length) node['schema:location'] = item.places.map((p) => ref(p.id));
      if (item.participants.length) node['annals:participant'] = item.participants.map((p) => ref(p.id));
      Object.assign(node, derivation(item.evidence));
      items.push(node);
    }
  }
  for (const id of agents) {
    const e = entities.get(id)!;
    e['@type'] = [...(e['@type'] as string[]), 'prov:Agent'];
  }
  const list: JsonObject = {
    '@type': 'schema:ItemList',
    'schema:name': 'Annals timeline',
    'schema:itemListOrder': { '@id': 'schema:ItemListOrderAscending' },
    'schema:numberOfItems': int(items.length),
    'schema:itemListElement': entries.map((e, i) => ({ '@type': 'schema:ListItem', 'schema:position': int(i + 1), 'schema:item': ref(e.item.id) })),
  };
  return { '@context': JSONLD_CONTEXT, '@graph': [list, ...items, ...entities.values(), ...documents.values()] };
}
