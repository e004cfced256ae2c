// Registration reminders: from the day a regulator's renewal window opens, people whose CPD record
// is still short hear what is missing — then every four weeks, and once more in the last week.
// Each reminder has a fixed batch key, so a second run the same day (or a retry) sends nothing twice.
import type { BotDeps } from '../bot/context';
import { daysBetween, formatDate, workingCalendar } from '../core/calendar';
import type { CpdRecord } from '../core/cpd';
import { firstName } from '../core/people';
import { registrationLabel } from '../core/workforce';
import { localDate } from '../core/zonedTime';
import { checkFacts, readinessOf } from '../views/cpd';

export const REMIND_EVERY_DAYS = 28;
export const FINAL_REMINDER_DAYS = 7;

export async function runRegistrationReminders(deps: BotDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  if (!workingCalendar().isWorkingDay(today)) return 'not a working day';
  const [people, records] = await Promise.all([deps.people.list(tenantId), deps.cpd.listAll(tenantId)]);
  const byPerson = new Map<string, CpdRecord[]>();
  for (const r of records) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);

  let reminded = 0;
  for (const person of people) {
    if (person.status === 'left' || person.registrationBody === 'none') continue;
    const ready = readinessOf(deps.registration, person, byPerson.get(person.aadObjectId) ?? [], today);
    if (ready.met || !ready.inRenewalWindow || !ready.renewal || !ready.period) continue;
    const left = daysBetween(today, ready.renewal.to);
    const round = left <= FINAL_REMINDER_DAYS ? 'final' : String(Math.floor(daysBetween(ready.renewal.from, today) / REMIND_EVERY_DAYS));
    const missing = checkFacts(ready).filter((_, i) => !ready.checks[i]!.met).map((f) => `- ${f.title}: ${f.value}`);
    await deps.outbox.sendText(tenantId, `registration|${person.aadObjectId}|${ready.period.to}|${round}`, person.aadObjectId, [
      `${firstName(person)}, your ${registrationLabel(ready.regulator)} renewal closes on ${formatDate(ready.renewal.to)}${left <= FINAL_REMINDER_DAYS ? ` — ${left === 0 ? 'today' : `in ${left} ${left === 1 ? 'day' : 'days'}`}` : ''}. Your CPD record is still short of:`,
      ...missing,
      'Type **log cpd** to add learning, or **my cpd** to see your record.',
    ].join('\n'));
    reminded += 1;
  }
  return reminded === 0 ? 'nobody short in a renewal window' : `${reminded} short in a renewal window (each reminded once a round)`;
}
