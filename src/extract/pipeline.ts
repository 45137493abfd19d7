/**
 * The text pipeline: one ordered list of stages (like chrono's parsers and refiners). Each stage
 * is a pure function from the pipeline state to a new state; `extract` runs them in order.
 *
 *   segment → entities → resolve → times → statements → events → contradictions
 *
 * See README.md in this folder for what each stage does and the methods behind it.
 */
import { authorityIndex, type AuthorityIndex } from './authorities.js';
import { detectContradictions } from './contradictions.js';
import { recognizeEntities, type Recognition } from './entities.js';
import { typeEvents } from './events.js';
import { resolveEntities, type MentionRef } from './resolve.js';
import { segment, type Paragraph } from './segment.js';
import { attributeStatements } from './statements.js';
import { tokenize, tokensBySentence, type Token } from './text.js';
import { findTimes } from './time.js';
import { startPass } from './known-pass.js';
import type { ContradictionRecord, EntityRecord, EventRecord, Extraction, ExtractContext, Sentence, StatementRecord, TimeMention } from './types.js';

/** What the stages read and add. Every field but `text` and `ctx` starts empty. */
export interface PipelineState {
  readonly text: string;
  readonly ctx: ExtractContext;
  readonly authorities: AuthorityIndex;
  sentences: Sentence[];
  paragraphs: Paragraph[];
  /** The tokens of each sentence (one tokenization of the whole text). */
  sentenceTokens: Token[][];
  recognition: Recognition;
  entities: EntityRecord[];
  refs: MentionRef[];
  times: TimeMention[];
  statements: StatementRecord[];
  events: EventRecord[];
  contradictions: ContradictionRecord[];
}

export interface Stage {
  name: string;
  run(state: PipelineState): PipelineState;
}

/** The stages, in order. */
export const STAGES: readonly Stage[] = [
  {
    name: 'segment',
    run: (s) => {
      const seg = segment(s.text);
      return { ...s, ...seg, sentenceTokens: tokensBySentence(tokenize(s.text), seg.sentences) };
    },
  },
  {
    name: 'entities',
    run: (s) => ({ ...s, recognition: recognizeEntities(s.text, s.sentences, s.ctx, { authorities: s.authorities, sentenceTokens: s.sentenceTokens }) }),
  },
  {
    name: 'resolve',
    run: (s) => ({ ...s, ...resolveEntities(s.text, s.recognition, s.ctx, { authorities: s.authorities }) }),
  },
  {
    name: 'times',
    run: (s) => ({ ...s, times: findTimes(s.text, s.sentences, s.ctx) }),
  },
  {
    name: 'statements',
    run: (s) => ({
      ...s,
      ...attributeStatements({ text: s.text, sentences: s.sentences, paragraphs: s.paragraphs, entities: s.entities, refs: s.refs, times: s.times, ctx: s.ctx, sentenceTokens: s.sentenceTokens }),
    }),
  },
  {
    name: 'events',
    run: (s) => ({ ...s, events: typeEvents(s.text, s.sentences, s.times, s.entities, s.ctx) }),
  },
  {
    name: 'contradictions',
    run: (s) => ({ ...s, contradictions: detectContradictions(s.statements, s.statements) }),
  },
];

const indexCache = new WeakMap<ExtractContext['authorities'], AuthorityIndex>();

/** The initial state for a text. */
export function initialState(text: string, ctx: ExtractContext): PipelineState {
  startPass();
  let authorities = indexCache.get(ctx.authorities);
  if (!authorities) {
    authorities = authorityIndex(ctx.authorities);
    indexCache.set(ctx.authorities, authorities);
  }
  return {
    text,
    ctx,
    authorities,
    sentences: [],
    paragraphs: [],
    sentenceTokens: [],
    recognition: { candidates: [], roles: [], demonyms: [] },
    entities: [],
    refs: [],
    times: [],
    statements: [],
    events: [],
    contradictions: [],
  };
}

/** Runs `stages` (all by default) over a text. */
export function runStages(text: string, ctx: ExtractContext, stages: readonly Stage[] = STAGES): PipelineState {
  return stages.reduce((state, stage) => stage.run(state), initialState(text, ctx));
}

/**
 * Extract entities, times, statements, events and contradictions (within the document) from one
 * document's text. Contradictions with other documents: call `detectContradictions(x.statements,
 * candidates)` with statements of other documents that share claim places.
 */
export function extract(text: string, ctx: ExtractContext): Extraction {
  const s = runStages(text, ctx);
  return {
    sentences: s.sentences,
    times: s.times,
    entities: s.entities,
    statements: s.statements,
    events: s.events,
    contradictions: s.contradictions,
  };
}
