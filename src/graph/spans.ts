import type { TimeSpanData } from './models';

/** The sort key of something undated: after every date, so undated items come last. */
export const NO_TIME = '9999-12-31T23:59:59.999Z';

/** Reads a TimeSpan flattened into properties under a prefix (see archive.repository spanProps). */
export function spanFrom(props: Record<string, unknown>, prefix: string): TimeSpanData | null {
  const edtf = props[`${prefix}Edtf`];
  if (typeof edtf !== 'string') return null;
  return {
    edtf,
    earliest: props[`${prefix}Earliest`] as string,
    latest: props[`${prefix}Latest`] as string,
    text: (props[`${prefix}Text`] as string | null) ?? null,
  };
}
