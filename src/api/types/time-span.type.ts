import { Field, ObjectType } from 'type-graphql';
import { DateTime } from './scalars';

@ObjectType({ simpleResolvers: true, description: 'When something happened or was said.' })
export class TimeSpan {
  @Field(() => String, { description: 'Library of Congress EDTF: 2022-03-02, 2022-03, 2022-02-28/2022-03-02, 2022-03-02?' })
  edtf!: string;

  @Field(() => DateTime, { description: "The span's lower bound, for sorting and filtering." })
  earliest!: string;

  @Field(() => DateTime, { description: "The span's upper bound." })
  latest!: string;

  @Field(() => String, { nullable: true, description: 'As the source wrote it ("Wednesday morning"); null when taken from catalog data.' })
  text!: string | null;
}
