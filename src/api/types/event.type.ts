import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.type';
import { TimeSpan } from './time-span.type';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'Something that happened, typed from the taxonomy in docs/event-taxonomy.md.' })
export class Event extends Node {
  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'From a documented taxonomy (attack, capture, negotiation, speech, protest, displacement, ...).' })
  type!: string;

  @Field(() => TimeSpan, { nullable: true })
  when!: TimeSpan | null;
}
