/**
 * The comparison: Annals' graph described for @neo4j/graphql 7 (a development dependency), which
 * generates its own schema and Cypher. Used only by the benchmark, over the same database, served
 * the way Annals is (src/bench/neo4j-graphql-child.ts).
 */
import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';

export async function neo4jGraphqlSchema(driver: Driver): Promise<GraphQLSchema> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  return new Neo4jGraphQL({
    typeDefs: neo4jGraphqlTypeDefs,
    driver,
    features: { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } },
  }).getSchema();
}

export const neo4jGraphqlTypeDefs = /* GraphQL */ `
  type Document @node {
    id: ID!
    title: String!
    publisher: String
    publishedEdtf: String
    publishedEarliest: String
    sha256: String!
    text: String!
    ingestedAt: String
  }

  type Entity @node @fulltext(indexes: [{ indexName: "entity_names", queryName: "entitiesByName", fields: ["searchName", "searchNames"] }]) {
    id: ID!
    key: String!
    kind: String!
    name: String!
    aliases: [String!]
    searchName: String
    searchNames: String
    latitude: Float
    longitude: Float
    said: [Statement!]! @relationship(type: "SAID_BY", direction: IN)
  }

  type Evidence @relationshipProperties {
    start: Int!
    end: Int!
    excerpt: String
  }

  interface TimelineItem {
    id: ID!
    sortAt: String
  }

  type Statement implements TimelineItem @node {
    id: ID!
    kind: String!
    text: String!
    quote: String
    speakerText: String
    channel: String
    saidAtEdtf: String
    saidAtEarliest: String
    saidAtLatest: String
    saidAtText: String
    sortAt: String
    speaker: [Entity!]! @relationship(type: "SAID_BY", direction: OUT)
    saidIn: [Entity!]! @relationship(type: "SAID_IN", direction: OUT)
    about: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
    evidence: [Document!]! @relationship(type: "EVIDENCE", direction: OUT, properties: "Evidence")
    contradicts: [Statement!]! @relationship(type: "CONTRADICTS", direction: OUT)
  }

  type Event implements TimelineItem @node {
    id: ID!
    label: String!
    type: String!
    whenEdtf: String
    whenEarliest: String
    whenLatest: String
    sortAt: String
    places: [Entity!]! @relationship(type: "AT", direction: OUT)
    participants: [Entity!]! @relationship(type: "INVOLVES", direction: OUT)
    evidence: [Document!]! @relationship(type: "EVIDENCE", direction: OUT, properties: "Evidence")
  }
`;
