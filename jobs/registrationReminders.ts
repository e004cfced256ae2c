// Registration reminders: from the day a regulator's renewal window opens, people whose CPD record
// is still short hear what is missing — then every four weeks, and once more in the last week.
// NMC registrants Weave has no revalidation date for are asked for it once a quarter.
// Each reminder has a fixed batch key, so a second run the same day (or a retry) sends nothing twice.
import type { AppDeps } from '../app/deps';
import { daysBetween, formatDate, workingCalendar } from '../core/calendar';
import type { CpdFacts } from '../core/cpd';
import { firstName } from '../core/people';
import { CPD_RENEWAL_BODIES, registrationLabel } from '../core/workforce';
import { localDate } from '../core/zonedTime';
import { checkFacts, readinessOf } from '../views/cpd';
import { plural } from '../core/words';

export const REMIND_EVERY_DAYS = 28;
export const FINAL_REMINDER_DAYS = 7;

export async function runRegistrationReminders(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  if (!workingCalendar().isWorkingDay(today)) return 'not a working day';
  const [people, records] = await Promise.all([deps.people.list(tenantId), deps.cpd.listFacts(tenantId)]);
  const byPerson = new Map<string, CpdFacts[]>();
  for (const r of records) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);

  let reminded = 0;
  let asked = 0;
  for (const person of people) {
    if (person.status !== 'active' || !CPD_RENEWAL_BODIES.includes(person.registrationBody)) continue;
    const ready = readinessOf(deps.registration, person, byPerson.get(person.aadObjectId) ?? [], today);
    if (ready.regulator === 'nmc' && !person.revalidationDate) {
      const quarter = `${today.slice(0, 4)}-q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
      await deps.outbox.sendText(tenantId, `registration|${person.aadObjectId}|nmc-date|${quarter}`, person.aadObjectId,
        `${firstName(person)}, Weave can tell you how your CPD stands for NMC revalidation once it knows your revalidation date. Type **profile** to add it.`);
      asked += 1;
      continue;
    }
    if (ready.met || !ready.inRenewalWindow || !ready.renewal || !ready.period) continue;
    const left = daysBetween(today, ready.renewal.to);
    const round = left <= FINAL_REMINDER_DAYS ? 'final' : String(Math.floor(daysBetween(ready.renewal.from, today) / REMIND_EVERY_DAYS));
    const missing = checkFacts(ready).filter((_, i) => !ready.checks[i]!.met).map((f) => `- ${f.title}: ${f.value}`);
    await deps.outbox.sendText(tenantId, `registration|${person.aadObjectId}|${ready.period.to}|${round}`, person.aadObjectId, [
      `${firstName(person)}, your ${registrationLabel(ready.regulator)} renewal closes on ${formatDate(ready.renewal.to)}${left <= FINAL_REMINDER_DAYS ? ` — ${left === 0 ? 'today' : `in ${plural(left, 'day', 'days')}`}` : ''}. Your CPD record is still short of:`,
      ...missing,
      'Type **log cpd** to add learning, or **my cpd** to see your record.',
    ].join('\n'));
    reminded += 1;
  }
  const summary = reminded === 0 ? 'nobody short in a renewal window' : `${reminded} short in a renewal window (each reminded once a round)`;
  return asked === 0 ? summary : `${summary}; ${asked} asked for their NMC revalidation date (once a quarter)`;
}
