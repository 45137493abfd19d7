/**
 * GraphQL answers sent over HTTP are written by ResponseBuffers, in pieces into a kept buffer,
 * instead of as the one large string Apollo Server makes of them (what that string costs: see
 * response-buffers.ts). Apollo still does everything else: parsing, validation, plugins, error
 * formatting, status and headers.
 *
 * Apollo turns an answer into a string (its `stringifyResult` option) and the Fastify integration
 * sends that string. So, per request:
 *  1. the GraphQL context function `track`s which reply the request's context answers;
 *  2. `plugin`'s willSendResponse, which Apollo calls before it stringifies, notes the answer's data
 *     object as that reply's;
 *  3. `defer`, as stringifyResult, hands a noted answer to its reply and returns an empty string,
 *     which the integration sends;
 *  4. the reply's onSend hook `take`s the answer back and returns its bytes.
 * An answer that was not noted (one without data, or one executed without HTTP) is not deferred and
 * is stringified as before.
 */
import type { FastifyReply } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { ResponseBuffers } from './response-buffers';

const REPLY = Symbol('annals.httpReply');
type Tracked = { [REPLY]?: FastifyReply };

export class DeferredJsonBodies {
  /** An answer's data object, noted before Apollo stringifies it, to the reply it goes to. */
  private readonly byData = new WeakMap<object, FastifyReply>();
  /** Answers handed to their replies, to be encoded when sent. */
  private readonly answers = new WeakMap<FastifyReply, FormattedExecutionResult>();

  constructor(private readonly buffers: ResponseBuffers) {}

  /**
   * Notes on `context` (under a symbol of this module) that it is the context of the request `reply`
   * answers; returns `context`. A property, not a side table: Apollo hands its plugins a shallow copy.
   */
  track<C extends object>(context: C, reply: FastifyReply): C {
    (context as Tracked)[REPLY] = reply;
    return context;
  }

  readonly plugin: ApolloServerPlugin<object> = {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        const reply = (contextValue as Tracked)[REPLY];
        if (!reply || response.body.kind !== 'single') return;
        const data = response.body.singleResult.data;
        if (data && typeof data === 'object') this.byData.set(data, reply);
      },
    }),
  };

  /** As Apollo's stringifyResult: '' for an answer handed to its reply, undefined for any other. */
  defer(value: FormattedExecutionResult): string | undefined {
    const data = value.data;
    if (!data || typeof data !== 'object') return undefined;
    const reply = this.byData.get(data);
    if (!reply) return undefined;
    this.byData.delete(data);
    this.answers.set(reply, value);
    return '';
  }

  /**
   * The bytes of the answer handed to `reply` (undefined when none was), as Apollo would have sent
   * them (JSON and a newline); their buffer goes back to the pool when the response has finished.
   */
  take(reply: FastifyReply): Buffer | undefined {
    const answer = this.answers.get(reply);
    if (answer === undefined) return undefined;
    this.answers.delete(reply);
    const { bytes, release } = this.buffers.encodeJson(answer, '\n');
    reply.raw.once('finish', release);
    return bytes;
  }
}
