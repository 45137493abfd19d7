/** One-line, human-readable logs on stderr, filtered by LOG_LEVEL (debug, info, warn, error, silent). */
const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type Level = (typeof LEVELS)[number];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function createLogger(level: string = 'info'): Logger {
  const min = Math.max(0, LEVELS.indexOf(level as Level));
  const at = (l: Level) => (msg: string) => {
    if (LEVELS.indexOf(l) >= min) process.stderr.write(`annals${l === 'info' ? '' : ` ${l}`}: ${msg}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
