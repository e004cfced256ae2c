// Marking who attended an offer: each attendee's booking, and a CPD record in their name (once),
// linked to their open needs in its areas, which move to in progress; and, after an offer made from
// a trigger or a commissioning line, a card asking what it was worth.
import type { CpdRecord } from '../../core/cpd';
import { deterministicId } from '../../core/ids';
import { isOpen } from '../../core/needs';
import { FORMAT_ACTIVITY, type Offer } from '../../core/offers';
import { plain } from '../../core/text';
import { plural } from '../../core/words';
import type { AppDeps } from '../deps';
import { orgToday } from '../people/today';
import { areaOf } from './audience';
import { askForEvaluation } from './evaluation';

type AttendanceDeps = Pick<AppDeps, 'offers' | 'cpd' | 'needs' | 'outbox' | 'clock' | 'config'>;

/** Marks these people as having attended; answers how many new CPD records that made, or what is wrong. */
export async function markAttendance(deps: AttendanceDeps, tenantId: string, offerId: string, attended: readonly string[]): Promise<{ invalid: string[] } | { added: number }> {
  const offer = await deps.offers.get(tenantId, offerId);
  if (!offer || offer.status === 'draft') return { invalid: ['This offer has not gone out.'] };
  if (offer.date > orgToday(deps)) return { invalid: ['Attendance can be marked from the day itself.'] };
  const bookings = await deps.offers.listBookings(offer.offerId);
  const eligible = new Map(bookings.filter((b) => b.status === 'booked' || b.status === 'attended').map((b) => [b.personId, b]));
  if (attended.some((id) => !eligible.has(id))) return { invalid: ['Choose from the people who had a place.'] };
  let added = 0;
  for (const id of attended) {
    const b = eligible.get(id)!;
    if (b.status !== 'attended') await deps.offers.writeBooking({ ...b, status: 'attended', updatedAt: deps.clock.now().toISOString() }, b);
    if (await recordAttendance(deps, offer, id)) added += 1;
    await askForEvaluation(deps, offer, id);
  }
  return { added };
}

/** Attending becomes a CPD record (once: its id comes from the offer and the person), linked to matching needs. */
async function recordAttendance(deps: AttendanceDeps, offer: Offer, personId: string): Promise<boolean> {
  const recordId = deterministicId('offer-attendance', offer.offerId, personId);
  const existing = await deps.cpd.listFor(offer.tenantId, personId);
  if (existing.some((r) => r.recordId === recordId)) return false;
  const areas = new Set(offer.codes.map(areaOf));
  const needs = (await deps.needs.listFor(offer.tenantId, personId)).filter((n) => isOpen(n) && n.codes.some((c) => areas.has(areaOf(c))));
  const record: CpdRecord = {
    tenantId: offer.tenantId, personId, recordId, activityType: FORMAT_ACTIVITY[offer.format] as CpdRecord['activityType'], title: offer.title, date: offer.date,
    hours: offer.cpdHours, participatoryHours: offer.cpdHours, codes: offer.codes, needIds: needs.map((n) => n.needId), reflectionModel: 'what', reflection: {},
    impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: deps.clock.now().toISOString(),
  };
  await deps.cpd.save(record);
  for (const n of needs.filter((x) => x.status !== 'in_progress')) await deps.needs.update(n, { status: 'in_progress', updatedAt: record.createdAt });
  await deps.outbox.sendText(offer.tenantId, `offer-attended|${offer.offerId}`, personId,
    `"${plain(offer.title)}" is in your CPD record (${plural(offer.cpdHours, 'hour', 'hours')}). Regulators ask what you learned: type **log cpd** to add a reflection.`);
  return true;
}
