import { badInput } from './errors';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 500;

/** Validates `first`/`after`: first defaults to 20, at most 500; negative or malformed values are refused. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined): { first: number; after: string | null } {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0) throw badInput(`"first" must be a whole number from 0 to ${MAX_PAGE}, got ${first}`, 'first');
  if (n > MAX_PAGE) throw badInput(`"first" may be at most ${MAX_PAGE}, got ${n}`, 'first');
  if (after !== null && after !== undefined && !/^[A-Za-z0-9_-]{1,2000}$/.test(after)) throw badInput('"after" is not a cursor this list gave out', 'after');
  return { first: n, after: after ?? null };
}
