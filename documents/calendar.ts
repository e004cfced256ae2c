// An offer as an iCalendar event (RFC 5545), for "add to calendar": times in UTC, text escaped,
// long lines folded. Nothing personal is in it.
import type { Offer } from '../core/offers';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line, after a space. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, 'utf8') > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut), 'utf8') > 75) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

export function offerEvent(offer: Offer, start: Date, now: Date): string {
  const end = new Date(start.getTime() + offer.durationMinutes * 60_000);
  const where = [offer.location, offer.onlineUrl].filter(Boolean).join(' / ');
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Weave//Learning offers//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${offer.offerId}@weave`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${escapeText(offer.title)}`,
    `DESCRIPTION:${escapeText(offer.description)}`,
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    ...(offer.onlineUrl ? [`URL:${offer.onlineUrl}`] : []),
    'END:VEVENT', 'END:VCALENDAR',
  ].map(fold).join('\r\n') + '\r\n';
}
