// Supervision and appraisal as they have gone for the demo's people over the last few months,
// recorded the way Weave records them: session rows the prompt job closed as held (prepared for, or
// recorded by the manager), lapsed or cancelled; each schedule's last held date, which cadence
// counts on from; and the repeating dates some managers recorded. Everyone has had supervision on
// the policy's cadence, except three people whose last expected session passed one to three weeks
// ago without one, so team status has something to act on. A few people's next supervision is in
// the coming days: they have been asked to prepare, and most have.
import { newSession } from '../../app/sessions/planning';
import { addDays, addMonths, addWeeks, addWorkingDays, workingCalendar, workingDaysBefore, type IsoDate } from '../../core/calendar';
import { nextAppraisal, nextSupervision, supervisionRuleFor, type SessionKind } from '../../core/cadence';
import { policyOn, type CadencePolicy } from '../../core/cadencePolicy';
import { AREA_CODES } from '../../core/commonCore';
import type { Person } from '../../core/people';
import { cadencePerson } from '../../core/sessionPlanning';
import type { RecordedSchedule, Session } from '../../core/sessions';
import { zonedToInstant } from '../../core/zonedTime';
import type { Runtime } from '../../runtime/runtime';

/** How a person's supervision has run lately. */
type Pattern =
  /** Their manager records a date every four weeks; the next is this many working days from today. */
  | { recorded: number; time: string; prep?: 'prepared' | 'snoozed' }
  /** Expected by the cadence policy and prepared for each time; the latest about this many days ago. */
  | { cadence: number }
  /** As cadence, but the latest expected one, about this many days ago, lapsed unprepared or was called off. */
  | { overdue: number; last: 'lapsed' | 'cancelled' };

/** By roster row (local/demo/roster.csv: 11 is Priya Shah). Early career social workers and teachers follow their own cadence whatever the number. */
const PATTERNS: Record<number, Pattern> = {
  // Directorate and Workforce Development
  1: { cadence: 9 }, 2: { cadence: 13 }, 3: { cadence: 6 }, 70: { cadence: 12 }, 71: { cadence: 19 },
  // PaCT: Dana records four-weekly supervision with her social workers and Tariq; Priya is on the ASYE cadence.
  10: { recorded: 6, time: '14:00' }, 11: { cadence: 0 }, 12: { recorded: 1, time: '10:00', prep: 'prepared' },
  13: { recorded: 7, time: '10:00' }, 14: { recorded: 2, time: '13:30', prep: 'snoozed' }, 15: { overdue: 13, last: 'lapsed' },
  16: { recorded: 11, time: '11:00' },
  // MASH
  20: { cadence: 16 }, 21: { recorded: 3, time: '09:30', prep: 'prepared' }, 22: { cadence: 11 }, 23: { overdue: 9, last: 'cancelled' },
  24: { cadence: 8 }, 25: { recorded: 9, time: '15:00' },
  // Early Help 5-19
  30: { cadence: 20 }, 31: { cadence: 7 }, 32: { cadence: 15 }, 33: { cadence: 10 }, 34: { cadence: 5 }, 35: { cadence: 18 },
  // Education Inclusion
  40: { cadence: 14 }, 41: { cadence: 0 }, 42: { cadence: 6 }, 43: { cadence: 12 }, 44: { cadence: 17 }, 45: { cadence: 0 },
  // Early Years
  50: { cadence: 8 }, 51: { cadence: 13 }, 52: { cadence: 6 }, 53: { cadence: 21 }, 54: { cadence: 0 }, 55: { cadence: 10 },
  // Youth Offending
  60: { cadence: 11 }, 61: { overdue: 17, last: 'lapsed' }, 62: { cadence: 7 }, 63: { cadence: 14 }, 64: { cadence: 19 },
};

/** Sessions further back than this are not written: the plans look back four weeks, team status to the last one held. */
const HISTORY_DAYS = 120;

const WENT_WELL = [
  'Getting the plan agreed with the family at the review meeting.',
  'A difficult conversation with a parent that ended with them on board.',
  'Joint visit with a colleague from another service: we each saw things the other missed.',
  'Caught up on recording, and the case summaries now say what we are worried about.',
  'Settled into the new duty rota.',
];
const HARD = [
  'Caseload has been heavy; I have been reactive rather than planning.',
  'Waiting on other agencies for information slowed a decision.',
  'A child on my caseload moved school and I lost track of who was holding what.',
  'Balancing court deadlines with visits.',
  'Two new families at once, both with a lot going on.',
];

export interface History {
  sessions: Session[];
  /** Schedules as a manager's `supervision` left them (the recorded ones). */
  recorded: RecordedSchedule[];
  /** Each person's held sessions by kind, in date order: the prompt job's recordHeld calls. */
  held: { tenantId: string; personId: string; kind: SessionKind; dates: IsoDate[] }[];
}

/** The session rows, schedules and held dates, worked out for everyone on the roster as of `today`. */
export function demoHistory(policy: CadencePolicy, people: readonly Person[], today: IsoDate, zone: string): History {
  const history: History = { sessions: [], recorded: [], held: [] };
  const at = (date: IsoDate, time: string) => zonedToInstant(`${date}T${time}`, zone).toISOString();
  const since = addDays(today, -HISTORY_DAYS);
  for (const [i, person] of people.filter((p) => p.status === 'active').entries()) {
    const n = Number(person.aadObjectId.slice(-12));
    const pattern = PATTERNS[n] ?? { cadence: 10 };
    const calendar = workingCalendar(person.workingDays);
    const prompted = (date: IsoDate) => at(workingDaysBefore(date, 3, calendar), '08:30');
    const answered = (date: IsoDate) => at(workingDaysBefore(date, 2, calendar), '16:10');
    const summarised = (date: IsoDate) => at(workingDaysBefore(date, 1, calendar), '09:00');
    const reflection = (k: number) => ({ wentWell: WENT_WELL[(i + k) % WENT_WELL.length]!, what: HARD[(i + 2 * k) % HARD.length]!, wellbeing: (i + k) % 4 === 0 ? 'ok' : 'good' });

    // Supervision.
    const held: IsoDate[] = [];
    if ('recorded' in pattern) {
      const next = addWorkingDays(today, pattern.recorded, calendar);
      const past = [4, 3, 2, 1].map((k) => addWeeks(next, -4 * k));
      for (const [k, date] of past.entries()) {
        // Recorded by the manager, so held whether or not they prepared; most did.
        const prepared = (i + k) % 5 !== 0;
        history.sessions.push(newSession(person, { kind: 'supervision', date, time: pattern.time, source: 'recorded' }, {
          status: 'held', promptSentAt: prompted(date), answeredAt: prepared ? answered(date) : null, answers: prepared ? reflection(k) : null, summarySentAt: summarised(date),
        }));
        held.push(date);
      }
      history.recorded.push({
        tenantId: person.tenantId, personId: person.aadObjectId, kind: 'supervision', date: past[0]!, time: pattern.time, repeat: 'four_weekly',
        lastHeld: past[past.length - 1]!, setBy: person.managerId ?? '', updatedAt: at(addDays(past[0]!, -6), '12:00'),
      });
      if (pattern.prep) {
        // Asked three working days before; one answered, one snoozed it for a working day.
        const sent = workingDaysBefore(next, 3, calendar);
        history.sessions.push(newSession(person, { kind: 'supervision', date: next, time: pattern.time, source: 'recorded' }, {
          promptSentAt: at(sent, '08:30'),
          ...(pattern.prep === 'prepared'
            ? { answeredAt: at(sent, '15:40'), answers: reflection(9) }
            : { snoozes: [{ at: at(sent, '09:05'), until: addWorkingDays(sent, 1, calendar), reason: 'Court week: final hearing' }], snoozedUntil: addWorkingDays(sent, 1, calendar) }),
        }));
      }
    } else {
      const cp = cadencePerson(person);
      const rule = supervisionRuleFor(policyOn(policy, today), cp);
      if ('none' in rule) continue;
      const days = 'cadence' in pattern ? pattern.cadence : pattern.overdue;
      // Counted on from the start for the ASYE's weekly and fortnightly phases, from the last term for fixed dates, else so the latest falls `days` ago.
      let last: IsoDate = 'phases' in rule && person.startDate ? person.startDate : 'on' in rule ? addMonths(today, -8) : addMonths(addDays(today, -days), -3);
      const dates: IsoDate[] = [];
      for (;;) {
        const next = nextSupervision(policy, cp, { lastHeld: last, after: last });
        if (!next || next >= today) break;
        dates.push(next);
        last = next;
      }
      for (const [k, date] of dates.entries()) {
        if (date < since) continue;
        const missed = 'overdue' in pattern && k === dates.length - 1;
        history.sessions.push(newSession(person, { kind: 'supervision', date, time: null, source: 'cadence' }, missed
          ? { status: 'overdue' in pattern ? pattern.last : 'lapsed', promptSentAt: prompted(date), remindedAt: at(workingDaysBefore(date, 1, calendar), '08:30'), summarySentAt: summarised(date) }
          : { status: 'held', promptSentAt: prompted(date), answeredAt: answered(date), answers: reflection(k), summarySentAt: summarised(date) }));
        if (!missed) held.push(date);
      }
    }
    if (held.length) history.held.push({ tenantId: person.tenantId, personId: person.aadObjectId, kind: 'supervision', dates: held });

    // Appraisal and the mid-year review, as the cycle had them over two years or since they started (a
    // month in, at the earliest). Self-ratings a year and more ago were a little lower: the benchmark
    // compares the two years.
    const cp = cadencePerson(person);
    const from = person.startDate && addDays(person.startDate, 28) > addMonths(today, -24) ? addDays(person.startDate, 28) : addMonths(today, -24);
    const yearAgo = addMonths(today, -12);
    const byKind = new Map<SessionKind, IsoDate[]>();
    for (let next = nextAppraisal(policy, cp, from); next && next.date < today; next = nextAppraisal(policy, cp, next.date)) {
      history.sessions.push(newSession(person, { kind: next.kind, date: next.date, time: null, source: 'cadence' }, {
        status: 'held', promptSentAt: prompted(next.date), answeredAt: answered(next.date), summarySentAt: summarised(next.date),
        answers: {
          wentWell: WENT_WELL[(i + 3) % WENT_WELL.length]!,
          ...(next.kind === 'appraisal' ? Object.fromEntries(AREA_CODES.map((c, k) => [`sa_${c}`, String(2 + ((i + k) % (next.date < yearAgo ? 4 : 3) === 0 ? 1 : 0))])) : {}),
        },
      }));
      byKind.set(next.kind, [...(byKind.get(next.kind) ?? []), next.date]);
    }
    for (const [kind, dates] of byKind) history.held.push({ tenantId: person.tenantId, personId: person.aadObjectId, kind, dates });
  }
  return history;
}

/** The latest held session of a kind for someone: where a need they named there came from. */
export function latestHeld(history: History, personId: string, kind: SessionKind): Session | undefined {
  return history.sessions.filter((s) => s.personId === personId && s.kind === kind && s.status === 'held').sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** Writes the history through the stores the prompt job and `supervision` write to. */
export async function writeHistory(rt: Runtime, history: History): Promise<void> {
  await Promise.all(history.sessions.map((s) => rt.sessions.ensure(s)));
  // The prompt job's recordHeld as each session closed: the first made the row, each later one moved its last held date on (to the last).
  await Promise.all(history.held.map(async (h) => {
    for (const date of new Set([h.dates[0]!, h.dates[h.dates.length - 1]!])) await rt.schedules.recordHeld(h.tenantId, h.personId, h.kind, date);
  }));
  // A manager's repeating date replaces the row, keeping the last held date.
  for (const s of history.recorded) await rt.schedules.save(s);
}
