import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { prefetchBelow, statementShapeIn } from '../lookahead';
import type { ApiContext } from '../context';
import { Node } from '../types/node.type';
import { Document } from '../types/document.type';
import { Entity, EntityKind } from '../types/entity.type';
import { DocumentConnection, EntityConnection, StatementConnection, TimelineConnection } from '../types/connections';
import { toConnection } from '../types/connection';
import { StatementFilter, TimelineFilter } from '../types/filters.input';
import { pageArgs } from '../paging';
import { badInput } from '../errors';
import { typeOfId } from '../../graph/ids';

function checkIds(ids: string[] | null | undefined, field: string): string[] | null {
  if (ids === null || ids === undefined) return null;
  ids.forEach((id, i) => {
    if (!typeOfId(id)) throw badInput(`${field}[${i}] is not an id this archive gave out: ${JSON.stringify(id.slice(0, 60))}`, field);
  });
  return ids;
}

function checkWindow(from: Date | null | undefined, to: Date | null | undefined): { from: string | null; to: string | null } {
  const f = from ? from.toISOString() : null;
  const t = to ? to.toISOString() : null;
  if (f && t && f > t) throw badInput(`"from" (${f}) is after "to" (${t})`, 'from');
  return { from: f, to: t };
}

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by its global id; null when there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // A node with a list below it is read along with that list (one round trip).
    return prefetchBelow(ctx, info, id) ?? ctx.loaders.node.load(id);
  }

  @Query(() => Document, { nullable: true })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext) {
    const n = await ctx.loaders.node.load(id);
    return n?.__typename === 'Document' ? n : null;
  }

  @Query(() => DocumentConnection, { description: 'Documents in the order they were ingested.' })
  async documents(
    @Ctx() ctx: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const p = pageArgs(first, after);
    return toConnection(await ctx.services.read.documents(p.first, p.after));
  }

  @Query(() => Entity, { nullable: true })
  async entity(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    const n = await (prefetchBelow(ctx, info, id) ?? ctx.loaders.node.load(id));
    return n && (n.__typename === 'Person' || n.__typename === 'Organization' || n.__typename === 'Place') ? n : null;
  }

  @Query(() => EntityConnection, {
    description: 'Entities by name or alias (full-text, case- and accent-insensitive, tolerant of spelling variants), best match first; without a query, by name.',
  })
  async entities(
    @Ctx() ctx: ApiContext,
    @Arg('query', () => String, { nullable: true }) query?: string | null,
    @Arg('kinds', () => [EntityKind], { nullable: true }) kinds?: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const p = pageArgs(first, after);
    if (query !== null && query !== undefined && query.length > 200) throw badInput('"query" may be at most 200 characters', 'query');
    return toConnection(await ctx.services.lists.entities(query ?? null, kinds?.length ? kinds : null, p.first, p.after));
  }

  @Query(() => StatementConnection, { description: 'Statements matching the filter, in the order they were said.' })
  async statements(
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const p = pageArgs(first, after);
    const f = filter ?? {};
    const text = f.text?.trim() || null;
    return toConnection(
      await ctx.services.lists.statements(
        {
          speakerIds: checkIds(f.speakerIds, 'speakerIds'),
          aboutIds: checkIds(f.aboutIds, 'aboutIds'),
          documentIds: checkIds(f.documentIds, 'documentIds'),
          ...checkWindow(f.from, f.to),
          text,
        },
        p.first,
        p.after,
        // Only what the query selects of the statements is read.
        statementShapeIn(info, [['nodes'], ['edges', 'node']]),
      ),
    );
  }

  @Query(() => TimelineConnection, { description: 'Events and statements ordered by at.earliest (ties by id).' })
  async timeline(
    @Ctx() ctx: ApiContext,
    @Arg('filter', () => TimelineFilter, { nullable: true }) filter?: TimelineFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const p = pageArgs(first, after);
    const f = filter ?? {};
    const page = await ctx.services.lists.timeline(
      { entityIds: checkIds(f.entityIds, 'entityIds'), documentIds: checkIds(f.documentIds, 'documentIds'), ...checkWindow(f.from, f.to) },
      p.first,
      p.after,
    );
    return toConnection({
      ...page,
      items: page.items.map((e) => ({
        cursor: e.cursor,
        node: { at: e.node.__typename === 'Event' ? e.node.when! : e.node.saidAt!, item: e.node },
      })),
    });
  }
}
