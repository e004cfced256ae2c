// The integration pulse, quarterly: from the day the quarter's pulse opens (policy/pulse.json), each
// active person gets the card once, on a working day in working hours in their own zone; one
// reminder some working days later unless they answered or said not now. Queue first, record after:
// the batch key (`pulse|quarter`) makes a repeat send harmless, so running twice, at once, or again
// after a crash never sends a person the quarter's card twice.
import type { AppDeps } from '../app/deps';
import { addWorkingDays, workingCalendar } from '../core/calendar';
import type { Person } from '../core/people';
import { opensOn, pulseOn, quarterEnd, quarterLabel, quarterOf, type Quarter } from '../core/pulse';
import { localClock, localDate } from '../core/zonedTime';
import { ConcurrencyError } from '../store/errors';
import type { StoredPulsePerson } from '../store/pulse';

/** How many people are worked on at once. */
const AT_ONCE = 8;

export async function runPulse(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const now = deps.clock.now();
  const [people, conversations] = await Promise.all([deps.people.list(tenantId), deps.conversations.list(tenantId)]);
  const zoneOf = new Map(conversations.map((c) => [c.aadObjectId, c.timeZone ?? deps.config.timeZone]));
  const rows = new Map<Quarter, Map<string, StoredPulsePerson>>();
  const rowsOf = async (quarter: Quarter) => {
    let m = rows.get(quarter);
    if (!m) {
      m = new Map((await deps.pulse.people(tenantId, quarter)).map((r) => [r.personId, r]));
      rows.set(quarter, m);
    }
    return m;
  };
  const counts = { sent: 0, reminded: 0 };

  const due = people.filter((p) => p.status === 'active');
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, due.length) }, async () => {
    while (next < due.length) {
      const person = due[next++]!;
      try {
        await pulseFor(deps, person, zoneOf.get(person.aadObjectId) ?? deps.config.timeZone, now, rowsOf, counts);
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err; // another run (or their own answer) moved the row first
      }
    }
  }));
  return `sent ${counts.sent}, reminded ${counts.reminded}`;
}

async function pulseFor(
  deps: AppDeps, person: Person, zone: string, now: Date,
  rowsOf: (q: Quarter) => Promise<Map<string, StoredPulsePerson>>, counts: { sent: number; reminded: number },
): Promise<void> {
  const today = localDate(now, zone);
  const quarter = quarterOf(today);
  const version = pulseOn(deps.pulsePolicy, today);
  const calendar = workingCalendar(person.workingDays);
  const clock = localClock(now, zone);
  if (today < opensOn(quarter, version) || !calendar.isWorkingDay(today) || clock < version.send.sendFrom || clock >= version.send.sendUntil) return;
  const row = (await rowsOf(quarter)).get(person.aadObjectId) ?? null;
  const tenantId = person.tenantId;
  if (row?.answered) return;
  if (!row?.sentOn) {
    const { cardId, queued } = await deps.outbox.issueAndQueue({
      tenantId, batch: `pulse|${quarter}`, recipientId: person.aadObjectId, kind: 'pulse', context: { quarter },
      expiresAt: `${quarterEnd(quarter)}T23:59:59.999Z`,
    });
    if (queued) counts.sent += 1;
    await deps.pulse.savePerson({ ...(row ?? { tenantId, quarter, personId: person.aadObjectId, remindedOn: null, notNow: false, answered: false }), cardId, sentOn: today }, row);
    return;
  }
  if (row.notNow || row.remindedOn || !row.cardId || today < addWorkingDays(row.sentOn, version.send.reminderAfterWorkingDays, calendar)) return;
  if (await deps.outbox.resendCard(tenantId, `pulse-reminder|${quarter}`, person.aadObjectId, row.cardId,
    { heading: 'Reminder', text: `Four taps, anonymous, open until the end of ${quarterLabel(quarter).replace(/^.* to /, '')}. Or press Not now: that is fine too.` })) counts.reminded += 1;
  await deps.pulse.savePerson({ ...row, remindedOn: today }, row);
}
