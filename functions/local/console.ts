// Readable one-line logs for the local stack's terminal: time, source, event, fields.
const COLOURS = { debug: '\x1b[90m', info: '\x1b[36m', warn: '\x1b[33m', error: '\x1b[31m' } as const;
const RESET = '\x1b[0m';
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

export type ConsoleLevel = keyof typeof COLOURS;

export function printLine(level: ConsoleLevel, source: string, message: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  const tag = source.padEnd(10).slice(0, 10);
  const line = useColour ? `${COLOURS[level]}${time} ${tag}${RESET} ${message}` : `${time} ${tag} ${message}`;
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Turns a JSON log line ({event, ...fields}) into "event key=value …"; other text passes through. */
export function formatLogMessage(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('{')) return String(raw);
  try {
    const { event, invocationId: _id, ...fields } = JSON.parse(raw) as Record<string, unknown>;
    const rest = Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}=${typeof v === 'string' && v.includes(' ') ? JSON.stringify(v) : String(v)}`);
    return [event, ...rest].join(' ');
  } catch {
    return raw;
  }
}
