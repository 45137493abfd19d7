import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { Node } from '../types/node.type';
import { Document } from '../types/document.type';
import { DocumentConnection } from '../types/connections';
import { toConnection } from '../types/connection';
import { pageArgs } from '../paging';

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by its global id; null when there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext) {
    return ctx.loaders.node.load(id);
  }

  @Query(() => Document, { nullable: true })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext) {
    const n = await ctx.loaders.node.load(id);
    return n?.__typename === 'Document' ? n : null;
  }

  @Query(() => DocumentConnection)
  async documents(
    @Ctx() ctx: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const p = pageArgs(first, after);
    return toConnection(await ctx.services.read.documents(p.first, p.after));
  }
}
