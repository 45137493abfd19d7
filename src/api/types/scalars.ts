import { GraphQLDateTime } from 'graphql-scalars';

/** ISO 8601 date-time with offset (the contract's `DateTime`). */
export const DateTime = GraphQLDateTime;
