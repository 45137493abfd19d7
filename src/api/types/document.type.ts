import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.type';
import { TimeSpan } from './time-span.type';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A source document as received, with the article text that evidence offsets index.' })
export class Document extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "The catalog identity: the document's url, or its path relative to the ingested folder." })
  identity!: string;

  @Field(() => String, { nullable: true, description: "The file's path relative to the folder it was ingested from (the catalog's folder)." })
  path!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => TimeSpan, { nullable: true })
  published!: TimeSpan | null;

  @Field(() => String, { nullable: true, description: 'Where the publication date came from: front-matter, catalog or text.' })
  publishedSource!: string | null;

  @Field(() => String, { description: 'sha256 of the original bytes, as received.' })
  sha256!: string;


  @Field(() => Int, { description: 'Version of this document identity (1 for the first bytes received).' })
  version!: number;

  @Field(() => String, { nullable: true })
  language!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A passage removed from the article text as site furniture.' })
export class Furniture {
  @Field(() => String)
  text!: string;

  @Field(() => String, { description: 'The cleaning rule that removed it.' })
  rule!: string;
}
