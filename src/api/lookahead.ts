/**
 * Look-ahead: which fields a query selects below the field being resolved, so a loader reads only
 * the stored properties the answer needs. Fragments are followed; @skip/@include are ignored (a
 * field that may be skipped is still read: more than needed, never less).
 */
import { getArgumentValues, Kind, type FieldNode, type GraphQLInterfaceType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { EntityProperty, StatementProperty, StatementShape } from '../graph/read.repository';
import { typeOfId } from '../graph/ids';
import type { NodeData } from '../graph/models';
import type { ApiContext } from './context';
import { pageArgs } from './paging';

/** The names of the fields selected in these selection sets (fragments followed). */
function fieldsOf(sets: readonly (SelectionSetNode | undefined)[], info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        walk(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return out;
}

/** The field nodes reached from the current field by following `path` (field names). */
export function selectedBelow(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = fieldsOf(nodes.map((n) => n.selectionSet), info).filter((f) => f.name.value === name);
  return [...nodes];
}

/**
 * The stored properties the objects at `path` below the current field need: each selected field's
 * entry in `fields`; for the TimeSpan field `span`, only the parts selected (its edtf always: it tells
 * whether there is one). Null (read them all) when a selected field is not known here.
 */
function propertiesAt<P extends string>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  fields: Record<string, readonly P[]>,
  span?: { field: string; parts: Record<string, P | null> & { edtf: P } },
): P[] | null {
  const props = new Set<P>();
  for (const f of fieldsOf(selectedBelow(info, path).map((d) => d.selectionSet), info)) {
    if (span && f.name.value === span.field) {
      props.add(span.parts.edtf);
      for (const t of fieldsOf([f.selectionSet], info)) {
        const q = span.parts[t.name.value];
        if (q === undefined) return null;
        if (q) props.add(q);
      }
      continue;
    }
    const p = fields[f.name.value];
    if (!p) return null;
    p.forEach((x) => props.add(x));
  }
  return [...props].sort();
}

/** Stored Statement properties each field of the GraphQL type Statement reads ([]: none beyond id). */
const STATEMENT_FIELD_PROPERTIES: Record<string, readonly StatementProperty[]> = {
  __typename: [],
  id: [],
  kind: ['kind'],
  text: ['text'],
  quote: ['quote'],
  speakerText: ['speakerText'],
  channel: ['channel'],
  // Read along or by id through their own loaders:
  speaker: [],
  saidIn: [],
  about: [],
  evidence: [],
  contradicts: [],
};

const SAID_AT_PROPERTIES: Record<string, StatementProperty | null> & { edtf: StatementProperty } = {
  __typename: null,
  edtf: 'saidAtEdtf',
  earliest: 'saidAtEarliest',
  latest: 'saidAtLatest',
  text: 'saidAtText',
};

/**
 * The Statement properties that the Statement objects at `path` below the current field need, or
 * null (read them all) when a selected field is not known here. Fragments on other types (the
 * Node interface) are followed too: more than needed, never less.
 */
export function statementPropertiesAt(info: GraphQLResolveInfo, path: readonly string[]): StatementProperty[] | null {
  return propertiesAt(info, path, STATEMENT_FIELD_PROPERTIES, { field: 'saidAt', parts: SAID_AT_PROPERTIES });
}

/** Stored Entity properties each field of the GraphQL type Entity (and its kinds) reads. */
const ENTITY_FIELD_PROPERTIES: Record<string, readonly EntityProperty[]> = {
  __typename: [],
  id: [],
  kind: [],
  name: ['name'],
  aliases: ['aliases'],
  wikidata: ['wikidata'],
  role: ['role'],
  latitude: ['latitude'],
  longitude: ['longitude'],
  statements: [],
};

/** The Entity properties the entities at `path` below the current field need, or null (all). */
export function entityPropertiesAt(info: GraphQLResolveInfo, path: readonly string[]): EntityProperty[] | null {
  return propertiesAt(info, path, ENTITY_FIELD_PROPERTIES);
}

/** What the statements at `path` need read of each statement and of its speaker, and whether where each was said. */
export function statementShapeAt(info: GraphQLResolveInfo, path: readonly string[]): StatementShape {
  return {
    statement: statementPropertiesAt(info, path),
    speaker: entityPropertiesAt(info, [...path, 'speaker']),
    saidIn: selectedBelow(info, [...path, 'saidIn']).length > 0,
  };
}

/** Both lists, united (null, read all, where either is). */
function union<P extends string>(a: readonly P[] | null, b: readonly P[] | null): P[] | null {
  return a && b ? [...new Set([...a, ...b])].sort() : null;
}

/**
 * What the statements at any of `paths` (e.g. ['nodes'] and ['edges', 'node'] of a connection)
 * need: everything any of them needs.
 */
export function statementShapeIn(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): StatementShape {
  return paths
    .map((path) => statementShapeAt(info, path))
    .reduce((a, b) => ({ statement: union(a.statement, b.statement), speaker: union(a.speaker, b.speaker), saidIn: !!(a.saidIn || b.saidIn) }));
}

/**
 * Whether the statements at any of `paths` below the current field (e.g. ['nodes'] and
 * ['edges', 'node'] of a connection) select `evidence`: then it is read along with them.
 */
export function evidenceSelected(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): boolean {
  return paths.some((path) => selectedBelow(info, [...path, 'evidence']).length > 0);
}

/** The field nodes of `path` below the current field, grouped by response key (alias or name). */
function byResponseKey(nodes: FieldNode[]): FieldNode[][] {
  const groups = new Map<string, FieldNode[]>();
  for (const n of nodes) {
    const k = n.alias?.value ?? n.name.value;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(n);
  }
  return [...groups.values()];
}

/**
 * Starts, for a node fetched by id, the list loads its selection will make one level down (a
 * statement's `contradicts`, an entity's `statements`): the loads are the ones those fields'
 * resolvers will make (same loader, same key), so they find them in the loaders' caches. The first
 * of them reads the node itself too: its result is returned (the node, or null where there is none)
 * and the caller needs no lookup of its own, so node and list cost one round trip. Null when nothing
 * below is prefetched (then the caller looks the node up). A load that does not match (a field
 * asked twice with different arguments) is simply made again.
 */
export function prefetchBelow(ctx: ApiContext, info: GraphQLResolveInfo, id: string): Promise<NodeData | null> | null {
  const type = typeOfId(id);
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined); // the field's own load reports errors
  let self: Promise<NodeData | null> | null = null;
  if (type === 'Statement') {
    for (const nodes of byResponseKey(selectedBelow(info, ['contradicts']))) {
      const at = { ...info, fieldNodes: nodes };
      const along = evidenceSelected(at, [[]]);
      const shape = statementShapeAt(at, []);
      if (!self) self = ctx.loaders.statementWithContradicted(along, shape).load(id);
      else quiet(ctx.loaders.contradicted(along, shape).load(id));
    }
  } else if (type === 'Entity') {
    const field = (info.schema.getType('Entity') as GraphQLInterfaceType | undefined)?.getFields().statements;
    if (!field) return null;
    for (const nodes of byResponseKey(selectedBelow(info, ['statements']))) {
      let page: { first: number; after: string | null };
      try {
        const args = getArgumentValues(field, nodes[0], info.variableValues) as { first?: number | null; after?: string | null };
        page = pageArgs(args.first, args.after);
      } catch {
        continue;
      }
      const evidence = evidenceSelected({ ...info, fieldNodes: nodes }, [['nodes'], ['edges', 'node']]);
      const load = ctx.loaders.speakerStatements.load({ id, first: page.first, after: page.after, evidence });
      if (!self) self = load.then((p) => p.owner);
      else quiet(load);
    }
  }
  return self;
}
