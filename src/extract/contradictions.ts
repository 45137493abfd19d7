/**
 * Contradictions between statements, within a document and across documents.
 *
 * Two statements contradict when their claims (see ./claims.ts) are about the same matter and
 * cannot both hold:
 *
 *  - control of the same place (same entity key) by different holders, where at least one claim
 *    is of full control ("forces now fully hold X" vs "some parts are under our control"). Two
 *    partial claims by different sides are compatible (a contested place).
 *  - counts with the same subject (victim class and outcome, e.g. "people-killed") since the same
 *    date, whose plausible ranges are disjoint. A reported tally is an estimate of one quantity,
 *    so an open bound is read as at most a factor `OPEN_BOUND_FACTOR` away: "at least 100" means
 *    100–300, "more than 2,000" means 2,001–6,003; those cannot both hold. Counts without a
 *    common "since" date are compared only when both are about the same place (a town, not a
 *    war or a country), were said within `SAME_PERIOD_DAYS` of each other, and are within a
 *    factor `SAME_SCOPE_FACTOR` (a toll of one town's fighting and a toll of the whole war
 *    measure different things); their open bounds stay open ("at least 12" and a later "40"
 *    describe a rising toll, not a contradiction).
 *
 *  - outcome claims ("we have won this election") about the same place with different winners, and
 *    status claims ("the main front had been contained" / "nothing is contained") about the same
 *    place with opposite values, said within `SAME_PERIOD_DAYS` of each other.
 *
 * Only statements said within `SAME_PERIOD_DAYS` of each other are compared, whatever the claim:
 * who holds a place, a tally, who won and whether something is contained all change over time, so
 * claims weeks apart describe a change, not a contradiction; statements of unknown date are not
 * compared (null beats an invented conflict). Statements by the same speaker are not compared (an
 * updated figure is not a contradiction).
 * Each pair is reported both ways (a→b and b→a). Pure.
 */
import type { Claim, ContradictionRecord, StatementRecord } from './types.js';

export const OPEN_BOUND_FACTOR = 3;
export const SAME_PERIOD_DAYS = 2;
export const SAME_SCOPE_FACTOR = 20;

type ControlClaim = Extract<Claim, { type: 'control' }>;
type CountClaim = Extract<Claim, { type: 'count' }>;

function range(c: CountClaim): [number, number] | null {
  let lo = c.min;
  let hi = c.max;
  if (lo === null && hi === null) return null;
  if (lo === null) lo = hi! / OPEN_BOUND_FACTOR;
  if (hi === null) hi = lo * OPEN_BOUND_FACTOR;
  return [lo, hi];
}

/** Why two claims contradict, or null. */
export function claimsConflict(a: Claim, b: Claim): string | null {
  if (a.type === 'control' && b.type === 'control') {
    const x = a as ControlClaim;
    const y = b as ControlClaim;
    if (x.placeKey !== y.placeKey || x.holder === y.holder) return null;
    if (!x.full && !y.full) return null;
    const desc = (c: ControlClaim) => `${c.holder} ${c.full ? 'holds all of' : 'holds at least part of'}`;
    return `control of ${x.placeKey}: ${desc(x)} it vs ${desc(y)} it`;
  }
  if (a.type === 'outcome' && b.type === 'outcome') {
    if (a.placeKey !== b.placeKey || a.contest !== b.contest || a.winner === b.winner) return null;
    return `${a.contest} in ${a.placeKey}: won by ${a.winner} vs won by ${b.winner}`;
  }
  if (a.type === 'status' && b.type === 'status') {
    if (a.placeKey !== b.placeKey || a.subject !== b.subject || a.value === b.value) return null;
    return `${a.subject} at ${a.placeKey}: ${a.value ? 'yes' : 'no'} vs ${b.value ? 'yes' : 'no'}`;
  }
  if (a.type === 'count' && b.type === 'count') {
    const x = a as CountClaim;
    const y = b as CountClaim;
    if (x.subject !== y.subject) return null;
    const sameSince = !!x.since && x.since === y.since;
    if (!sameSince) {
      if (x.since && y.since) return null; // different periods
      if (!x.placeKey || x.placeKey !== y.placeKey) return null;
    }
    // Without a common start, an open bound stays open: "at least 12" then "40" is a toll that rose.
    const rx = sameSince ? range(x) : x.min === null && x.max === null ? null : ([x.min ?? 0, x.max ?? Infinity] as [number, number]);
    const ry = sameSince ? range(y) : y.min === null && y.max === null ? null : ([y.min ?? 0, y.max ?? Infinity] as [number, number]);
    if (!rx || !ry) return null;
    if (!sameSince && Math.max(rx[0], ry[0]) > SAME_SCOPE_FACTOR * Math.max(1, Math.min(rx[1], ry[1], Math.max(rx[0], ry[0])))) return null;
    if (rx[1] < ry[0] || ry[1] < rx[0]) {
      const show = (c: CountClaim) => (c.min !== null && c.max !== null && c.min === c.max ? `${c.min}` : `${c.min ?? '?'}–${c.max ?? '?'}`);
      return sameSince ? `${x.subject} since ${x.since}: ${show(x)} vs ${show(y)}` : `${x.subject} in ${x.placeKey}: ${show(x)} vs ${show(y)}`;
    }
  }
  return null;
}

/**
 * The matters a statement's claims are about, as keys: two claims can conflict (claimsConflict)
 * only when they share one. The archive indexes statements by these keys, so the candidates for a
 * new statement are the few that speak of the same matter, not every statement about the same
 * country. Pure; the keys are sorted and distinct.
 */
export function claimMatters(claims: Claim[] | null | undefined): string[] {
  const keys = new Set<string>();
  for (const c of claims ?? []) {
    if (c.type === 'control') keys.add(`control|${c.placeKey}`);
    else if (c.type === 'outcome') keys.add(`outcome|${c.contest}|${c.placeKey}`);
    else if (c.type === 'status') keys.add(`status|${c.subject}|${c.placeKey}`);
    else if (c.type === 'count') {
      if (c.since) keys.add(`count|${c.subject}|since|${c.since}`);
      if (c.placeKey) keys.add(`count|${c.subject}|at|${c.placeKey}`);
    }
  }
  return [...keys].sort();
}

/** Whether two statements were said within SAME_PERIOD_DAYS of each other (unknown dates: no). */
function samePeriod(a: StatementRecord, b: StatementRecord): boolean {
  if (!a.saidAt || !b.saidAt) return false;
  const gap = Math.max(Date.parse(a.saidAt.earliest) - Date.parse(b.saidAt.latest), Date.parse(b.saidAt.earliest) - Date.parse(a.saidAt.latest), 0);
  return Number.isFinite(gap) && gap <= SAME_PERIOD_DAYS * 86_400_000;
}

/**
 * Contradiction pairs between `statements` (a document's) and `candidates` (statements of other
 * documents, or the same list for pairs within the document).
 */
export function detectContradictions(statements: StatementRecord[], candidates: StatementRecord[]): ContradictionRecord[] {
  const out: ContradictionRecord[] = [];
  const seen = new Set<string>();
  const add = (a: string, b: string, reason: string) => {
    const k = `${a}|${b}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ a, b, reason });
  };
  for (const s of statements) {
    if (!s.claims?.length) continue;
    for (const c of candidates) {
      if (c.key === s.key || !c.claims?.length) continue;
      if (s.speakerKey && s.speakerKey === c.speakerKey) continue;
      // Who holds a place, a tally, who won, whether something is contained: all change over time,
      // so only claims made within the same days can contradict each other.
      if (!samePeriod(s, c)) continue;
      let reason: string | null = null;
      for (const x of s.claims) {
        for (const y of c.claims) {
          reason = claimsConflict(x, y);
          if (reason) break;
        }
        if (reason) break;
      }
      if (!reason) continue;
      add(s.key, c.key, reason);
      add(c.key, s.key, reason);
    }
  }
  return out;
}
