// An offer as an iCalendar event (RFC 5545), for "add to calendar": times in UTC, text escaped,
// long lines folded. Nothing personal is in it.
import type { Offer } from '../core/offers';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never splitting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > 75) {
      out.push(current);
      current = ` ${ch}`;
    } else {
      current += ch;
    }
  }
  out.push(current);
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
