import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeData } from '../../graph/models';

@InterfaceType({
  description: 'Anything with a global id; fetch it again with `node(id)`.',
  resolveType: (value: NodeData) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
