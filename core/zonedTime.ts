// Wall-clock times in a named zone, converted to instants and back, without a date library.
import { dateFormat } from './dateFormats';

/** The zone's offset from UTC at an instant, in minutes (Europe/London: 0 in winter, 60 in summer). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    dateFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (YYYY-MM-DDTHH:mm[:ss]) happens in a zone. A time the clocks skip
 * (01:30 on the morning they go forward) is taken as the same time after the change.
 */
export function zonedToInstant(wallClock: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(wallClock);
  if (!m) throw new Error(`"${wallClock}" is not a date-time like 2026-11-23T08:30`);
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  // Two passes settle the offset either side of a clock change.
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** An ISO instant (with Z or an offset), or a wall-clock time in the given zone. */
export function parseInstant(text: string, timeZone: string): Date {
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text)) {
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) throw new Error(`"${text}" is not an ISO 8601 date-time`);
    return at;
  }
  return zonedToInstant(text, timeZone);
}

/** YYYY-MM-DD of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return dateFormat('en-CA', { timeZone }).format(at);
}

export function isTimeZone(zone: string): boolean {
  try {
    dateFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" on the wall clock in a zone. */
export function localClock(at: Date, timeZone: string): string {
  return dateFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at);
}
