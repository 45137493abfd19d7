/** Field resolvers for nested data; each goes through a request-scoped DataLoader. */
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../context';
import type { DocumentData, EntityData, EventData, NodeData } from '../../graph/models';
import type { StatementRecord } from '../../graph/read.repository';
import { evidenceSelected, statementShapeAt } from '../lookahead';
import { Entity, Place } from '../types/entity.type';
import { Evidence, Statement } from '../types/statement.type';
import { Event } from '../types/event.type';
import { Node } from '../types/node.type';
import { Document, Furniture } from '../types/document.type';
import { GraphQLJSONObject } from 'graphql-scalars';
import { StatementConnection } from '../types/connections';
import { toConnection } from '../types/connection';
import { pageArgs } from '../paging';

const present = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

async function nodes(ctx: ApiContext, ids: string[]): Promise<NodeData[]> {
  return present(await ctx.loaders.node.loadMany(ids).then((r) => r.map((x) => (x instanceof Error ? null : x))));
}

/** A statement's speaker, looked up: by the id read along with it, else by the statement. */
async function speakerOf(s: StatementRecord, ctx: ApiContext): Promise<NodeData | null> {
  const id = s.speakerId !== undefined ? s.speakerId : await ctx.loaders.speaker.load(s.id);
  return id ? ctx.loaders.node.load(id) : null;
}

@Resolver(() => Entity)
export class EntityFieldsResolver {
  @FieldResolver(() => StatementConnection, { description: 'What this entity said, in the order it was said.' })
  async statements(
    @Root() entity: EntityData,
    @Ctx() ctx: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    const p = pageArgs(first, after);
    // The statements' evidence, when the query asks for it, comes in the same round trip.
    const evidence = info ? evidenceSelected(info, [['nodes'], ['edges', 'node']]) : false;
    return toConnection(await ctx.loaders.speakerStatements.load({ id: entity.id, first: p.first, after: p.after, evidence }));
  }
}

@Resolver(() => Statement)
export class StatementFieldsResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'The resolved speaker; null where the text names none.' })
  speaker(@Root() s: StatementRecord, @Ctx() ctx: ApiContext) {
    // A statement read with its speaker (null: it has none) needs no further round trip, and is
    // answered as it is, not as a promise (one per statement of a page, each a step more to complete).
    if (s.speaker !== undefined) return s.speaker;
    return speakerOf(s, ctx);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where it was said, when the text says so.' })
  async saidIn(@Root() s: StatementRecord, @Ctx() ctx: ApiContext) {
    // undefined: the query that read the statement did not look (its shape did not ask).
    const id = s.saidInId !== undefined ? s.saidInId : ((await ctx.loaders.related('statementPlace').load(s.id))[0] ?? null);
    return id ? ctx.loaders.node.load(id) : null;
  }

  @FieldResolver(() => [Node], { description: 'The events and entities it is about.' })
  async about(@Root() s: StatementRecord, @Ctx() ctx: ApiContext) {
    return nodes(ctx, await ctx.loaders.related('statementAbout').load(s.id));
  }

  @FieldResolver(() => [Evidence], { description: 'Every passage, in every document, that reports it.' })
  evidence(@Root() s: StatementRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.evidence.load(s.id);
  }

  @FieldResolver(() => [Statement], { description: 'Statements that assert something incompatible about the same matter.' })
  contradicts(@Root() s: StatementRecord, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // Their evidence, when asked, comes in the same round trip; only the properties asked are read.
    return ctx.loaders.contradicted(evidenceSelected(info, [[]]), statementShapeAt(info, [])).load(s.id);
  }
}

@Resolver(() => Event)
export class EventFieldsResolver {
  @FieldResolver(() => [Place])
  async places(@Root() v: EventData, @Ctx() ctx: ApiContext) {
    return nodes(ctx, await ctx.loaders.related('eventPlaces').load(v.id));
  }

  @FieldResolver(() => [Entity])
  async participants(@Root() v: EventData, @Ctx() ctx: ApiContext) {
    return nodes(ctx, await ctx.loaders.related('eventParticipants').load(v.id));
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() v: EventData, @Ctx() ctx: ApiContext) {
    return ctx.loaders.evidence.load(v.id);
  }
}

@Resolver(() => Document)
export class DocumentFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'False when newer bytes of the same document superseded this version.' })
  async current(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    // A record from the document cache leaves it out: it is the one property that changes.
    return d.current ?? (await ctx.loaders.documentCurrent.load(d.id)) ?? true;
  }

  @FieldResolver(() => String, { description: 'The article text after boilerplate removal; Evidence offsets index into it.' })
  async text(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return d.text ?? (await ctx.loaders.documentText.load(d.id)) ?? '';
  }

  @FieldResolver(() => [Entity], { description: 'The entities this document mentions, by name.' })
  async entities(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return nodes(ctx, await ctx.loaders.related('documentEntities').load(d.id));
  }

  @FieldResolver(() => String, { description: 'The original bytes as received, base64-encoded (their sha256 is `sha256`); also at GET /documents/{id}/original.' })
  async originalBase64(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return (await ctx.loaders.original.load(d.id))?.bytes.toString('base64') ?? '';
  }

  @FieldResolver(() => String, { description: 'Media type of the original: text/plain, text/markdown or text/html.' })
  async mediaType(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return (await ctx.loaders.original.load(d.id))?.mediaType ?? 'text/plain';
  }

  @FieldResolver(() => GraphQLJSONObject, { description: "The catalog's or front matter's other keys, kept as the archivist wrote them." })
  async metadata(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return (await ctx.loaders.original.load(d.id))?.metadata ?? {};
  }

  @FieldResolver(() => [Furniture], { description: 'Passages separated from the article text as site furniture, with the rule that removed each.' })
  async furniture(@Root() d: DocumentData, @Ctx() ctx: ApiContext) {
    return (await ctx.loaders.original.load(d.id))?.furniture ?? [];
  }
}
