// Structured logging that cannot carry personal learning content: events have a name and a few
// fields of ids, counts and codes. Free text written by staff is never passed to a logger.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The same logger with these fields on every line (a correlation id, a job name). */
  with(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export type LogSink = (level: LogLevel, event: string, fields: LogFields) => void;

export function createLogger(sink: LogSink, minimum: LogLevel = 'info', base: LogFields = {}): Logger {
  const emit = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (ORDER[level] >= ORDER[minimum]) sink(level, event, { ...base, ...fields });
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    with: (fields) => createLogger(sink, minimum, { ...base, ...fields }),
  };
}

/** One JSON object per line: what Application Insights and log search read best. */
export const jsonLineSink: LogSink = (level, event, fields) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export const silentLogger: Logger = createLogger(() => {});

/** Error details fit for a log: the type and message of our own errors, never a request body. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) return { error: err.name, message: err.message.slice(0, 300), status: (err as { statusCode?: number }).statusCode };
  return { error: typeof err };
}
