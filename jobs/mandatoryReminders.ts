// Mandatory learning, each working morning: joiners find their induction set in their plan (once,
// on the first run after Weave knows them), and people with something due soon or overdue hear
// what — on the first working day of each of their fortnightly rounds only, so never more than
// once a fortnight however much is due. The round is in the batch key: a second run the same day
// (or a retry) sends nothing twice.
import type { AppDeps } from '../app/deps';
import { addInductionItems, everyonesStandings } from '../app/mandatory/standing';
import { workingCalendar } from '../core/calendar';
import { mandatoryRulesOn, reminderRound, startOf, wantsReminder } from '../core/mandatory';
import { firstName } from '../core/people';
import { plural } from '../core/words';
import { localDate } from '../core/zonedTime';
import { reminderLines } from '../views/mandatory';

/** Rounds count from a day fixed for each person: when Weave first knew them (or a fixed Monday). */
const ROUNDS_FROM = '2024-01-01';

export async function runMandatoryReminders(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const calendar = workingCalendar();
  if (!calendar.isWorkingDay(today)) return 'not a working day';
  const rules = mandatoryRulesOn(deps.mandatory, today);
  let inducted = 0;
  let reminded = 0;
  for (const { person, standings } of await everyonesStandings(deps, today)) {
    const start = startOf({ startDate: person.startDate, knownSince: person.knownSince ?? null });
    if (start && start <= today && (await addInductionItems(deps, person, standings, today)) > 0) {
      inducted += 1;
      await deps.outbox.sendText(tenantId, `induction|${person.aadObjectId}`, person.aadObjectId,
        `Welcome, ${firstName(person)}. Your induction set is in your plan — type **my plan** to see it. When you have done each, **log cpd** records it.`);
    }
    const due = standings.filter(wantsReminder);
    if (due.length === 0) continue;
    const round = reminderRound(person.knownSince ?? ROUNDS_FROM, today, rules.remindEveryDays, (d) => calendar.isWorkingDay(d));
    if (round === null) continue;
    await deps.outbox.sendText(tenantId, `mandatory|${person.aadObjectId}|${round}`, person.aadObjectId, [
      `${firstName(person)}, your mandatory learning needs attention:`,
      ...reminderLines(due),
      'When you have done it, **log cpd** records it (learning offers you attend are recorded for you). **my cpd** shows where you stand.',
    ].join('\n'));
    reminded += 1;
  }
  return `${plural(reminded, 'person', 'people')} reminded of mandatory learning (at most once a fortnight); ${plural(inducted, 'joiner', 'joiners')} given their induction set`;
}
