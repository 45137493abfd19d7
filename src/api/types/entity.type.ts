import { Field, Float, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityData } from '../../graph/models';
import { Node } from './node.type';

export enum EntityKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
}
registerEnumType(EntityKind, { name: 'EntityKind' });

@InterfaceType({
  implements: Node,
  description: 'A person, organization or place, resolved to one record across all documents.',
  resolveType: (value: EntityData) => value.__typename,
})
export abstract class Entity extends Node {
  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { description: 'The authority form ("Mira Okafor", "Mayor of Port Lenna").' })
  name!: string;

  @Field(() => [String], { description: 'Every other form seen or curated ("Okafor", "Okafór").' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Wikidata id from the authority file, when curated.' })
  wikidata!: string | null;

  @Field(() => Boolean, { description: 'A role kept as an entity because the text names no person for it ("Mayor of Port Lenna").' })
  role!: boolean;
}

@ObjectType({ simpleResolvers: true, implements: [Node, Entity] })
export class Person extends Entity {}

@ObjectType({ simpleResolvers: true, implements: [Node, Entity] })
export class Organization extends Entity {}

@ObjectType({ simpleResolvers: true, implements: [Node, Entity] })
export class Place extends Entity {
  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}
