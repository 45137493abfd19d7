import { Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `${name}Connection` with edges `${name}Edge`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function Connection<T extends object>(name: string, nodeType: ClassType<T> | (abstract new (...args: any[]) => T)) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType as ClassType<T>)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Conn {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType as ClassType<T>])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds (counted in the database).' })
    totalCount!: number;
  }
  return Conn;
}

/** Turns a repository page into a connection. */
export function toConnection<T>(page: { items: { cursor: string; node: T }[]; hasNextPage: boolean; totalCount: number }): ConnectionShape<T> {
  return {
    edges: page.items,
    nodes: page.items.map((e) => e.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
