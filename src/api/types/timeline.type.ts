import { Field, ObjectType, createUnionType } from 'type-graphql';
import type { EventData, StatementData } from '../../graph/models';
import { Event } from './event.type';
import { Statement } from './statement.type';
import { TimeSpan } from './time-span.type';

export const TimelineItem = createUnionType({
  name: 'TimelineItem',
  types: () => [Event, Statement] as const,
  resolveType: (value) => (value as unknown as EventData | StatementData).__typename,
});

@ObjectType({ simpleResolvers: true })
export class TimelineEntry {
  @Field(() => TimeSpan)
  at!: TimeSpan;

  @Field(() => TimelineItem)
  item!: EventData | StatementData;
}
