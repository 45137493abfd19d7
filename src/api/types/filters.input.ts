import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from './scalars';

@InputType({ description: 'All given conditions must hold; a time window keeps statements whose saidAt overlaps it.' })
export class StatementFilter {
  @Field(() => [ID], { nullable: true, description: 'Said by any of these entities.' })
  speakerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'About any of these entities or events.' })
  aboutIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Reported in any of these documents.' })
  documentIds?: string[] | null;

  @Field(() => DateTime, { nullable: true })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Words the statement contains (case-insensitive).' })
  text?: string | null;
}

@InputType({ description: 'An entity matches as speaker, participant, place or subject; a window keeps items whose time overlaps it.' })
export class TimelineFilter {
  @Field(() => [ID], { nullable: true })
  entityIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  documentIds?: string[] | null;

  @Field(() => DateTime, { nullable: true })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true })
  to?: Date | null;
}
