/**
 * Limits on what one request may ask: a depth limit (a validation rule) and a cost limit
 * (graphql-query-complexity), where a list field's cost is its children's times its `first`.
 */
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE } from './paging';

// graphql-query-complexity's ESM build imports graphql's ESM build ('graphql/index.mjs'), while
// type-graphql uses the CommonJS one: two realms. Its CommonJS build shares ours.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

export const MAX_DEPTH = 12;
export const MAX_COST = 100_000;

/** Rejects operations nested deeper than `max` fields (fragments followed, introspection exempt). */
export function depthLimit(max = MAX_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depth(sel.selectionSet, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depth(sel.selectionSet, seen));
        } else if (!seen.has(sel.name.value)) {
          const f = fragments.get(sel.name.value);
          deepest = Math.max(deepest, depth(f?.selectionSet, new Set([...seen, sel.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const d = depth(node.selectionSet, new Set());
        if (d > max) {
          context.reportError(
            new GraphQLError(`The query is nested ${d} levels deep; at most ${max} are allowed. Split it into several queries.`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    };
  };
}

/** A list's cost is its children's cost times the page size asked (default 20). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : null;
  if (first !== null || 'after' in args) return 1 + (first ?? DEFAULT_PAGE) * Math.max(1, childComplexity);
  return undefined;
};

/**
 * The cost of an operation with its variables, kept per parsed document (Apollo keeps parsed and
 * validated documents, so a repeated query arrives as the same object): walking the query for
 * every request cost about a fifth of a millisecond, a few percent of a small query's answer.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 256;

function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  const key = JSON.stringify([operationName ?? null, variables]);
  let cost = known.get(key);
  if (cost === undefined) {
    cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
  }
  return cost;
}

/** Whether the variables do not fit the operation's variable definitions (graphql-js' own check). */
function variablesInvalid(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): boolean {
  const operation = getOperationAST(document, operationName);
  return !!operation && !!getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 }).errors;
}

export function costLimitPlugin(max = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.operationName ?? undefined, request.variables ?? {});
          } catch (e) {
            // Variables that do not fit their types cannot be priced; execution refuses them before
            // any field is resolved, naming the variable (BAD_USER_INPUT, HTTP 400). Anything else
            // that stops the pricing refuses the request as before.
            if (variablesInvalid(schema, document, request.operationName ?? undefined, request.variables ?? {})) return;
            throw e;
          }
          if (cost > max) {
            throw new GraphQLError(`The query would cost ${cost} points; at most ${max} are allowed. Ask for smaller pages (first) or fewer nested lists.`, {
              // A refused request is the client's to change: 400, not Apollo's 500 for a plugin's error.
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost: max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
