import type { TimeSpanData } from './models';

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
