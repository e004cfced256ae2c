// The add-to-calendar file: RFC 5545 line endings, escaping and folding.
import { describe, expect, it } from 'vitest';
import { FIRST_COME } from '../../core/offers';
import { offerEvent } from '../../documents/calendar';
import type { Offer } from '../../core/offers';

const offer: Offer = {
  tenantId: 't', offerId: '11111111-2222-4333-8444-555555555555', title: `Court skills 🎓 ${'é'.repeat(40)}; with, commas`, description: 'Line one\r\nline two\rline three',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: 90, location: 'Civic Centre', onlineUrl: '', capacity: 10, codes: ['CC3'],
  cpdHours: 1.5, closesOn: '2026-12-08', audience: { professions: [], teams: [], registration: 'any', withNeed: false }, status: 'sent', sendAt: null,
  createdBy: 'x', createdAt: '', sentAt: null, audienceSize: 0, fannedOutAt: null, fanOutSeenAt: null, reportedAt: null, allocation: FIRST_COME,
};

describe('calendar file', () => {
  const ics = offerEvent(offer, new Date('2026-12-10T10:00:00Z'), new Date('2026-11-23T09:00:00Z'));

  it('uses CRLF, UTC times and escapes text, bare carriage returns included', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(ics).toContain('DTSTART:20261210T100000Z');
    expect(ics).toContain('DTEND:20261210T113000Z');
    expect(ics).toContain('DESCRIPTION:Line one\\nline two\\nline three');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const lines = ics.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(ics).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:Court skills 🎓 ${'é'.repeat(40)}\\; with\\, commas`);
  });
});
