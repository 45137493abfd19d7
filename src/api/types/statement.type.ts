import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.type';
import { TimeSpan } from './time-span.type';
import { Document } from './document.type';

export enum StatementKind {
  QUOTE = 'QUOTE',
  REPORTED = 'REPORTED',
}
registerEnumType(StatementKind, {
  name: 'StatementKind',
  valuesConfig: {
    QUOTE: { description: 'Verbatim words in quotation marks.' },
    REPORTED: { description: 'Paraphrase.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A passage of a document that reports a statement or an event.' })
export class Evidence {
  @Field(() => Document)
  document!: Document;

  @Field(() => Int, { description: "Offset of the passage's first character in document.text." })
  start!: number;

  @Field(() => Int, { description: 'Offset just past its last character: excerpt = text.slice(start, end).' })
  end!: number;

  @Field(() => String)
  excerpt!: string;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'Something someone said, with who, how, when, where, and every passage that reports it.' })
export class Statement extends Node {
  @Field(() => StatementKind)
  kind!: StatementKind;

  @Field(() => String, { description: 'What was said: the quoted words, or the reported content.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The verbatim quoted words, without quotation marks (null for REPORTED).' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'The speaker as written: "its mayor", "he", "a Ukrainian presidential aide".' })
  speakerText!: string | null;

  @Field(() => String, { nullable: true, description: 'How it was said: "Facebook", "Twitter", "BBC", "address", "news conference".' })
  channel!: string | null;

  @Field(() => TimeSpan, { nullable: true, description: 'When it was said.' })
  saidAt!: TimeSpan | null;
}
