// What a plan shows of what was agreed: at appraisal, the plan year as agreed (dated, with needs
// added or changed since marked as such), and for its owner alone what was agreed at their latest
// supervision.
import { changeSinceAgreed, type Appraisal } from '../../core/appraisal';
import { formatFullDay, type IsoDate } from '../../core/calendar';
import type { LearningNeed } from '../../core/needs';
import { nameOf, type Person } from '../../core/people';
import { describeAction } from '../sessions/outcome';
import type { AppDeps } from '../deps';

const MARKS = { added: 'Added after the plan was agreed', changed: 'Changed since the plan was agreed', removed: '' } as const;

export interface PlanAgreement {
  /** "Agreed with Dana Hughes on Friday 16 April 2027.", or '' when no plan year shown has been agreed. */
  line: string;
  /** The mark a need carries against the plan as agreed, or null. */
  mark(need: LearningNeed): string | null;
}

/** The agreements of the plan years shown (the current one, and the next when it has needs). */
export async function planAgreementOf(deps: Pick<AppDeps, 'appraisals' | 'people'>, person: Person, periods: readonly IsoDate[], viewerId: string): Promise<PlanAgreement> {
  const found = (await Promise.all(periods.map((p) => deps.appraisals.get(person.tenantId, person.aadObjectId, p)))).filter((a): a is NonNullable<typeof a> => !!a);
  const byPeriod = new Map<string, Appraisal>(found.map((a) => [a.period, a]));
  const lines = await Promise.all(found.filter((a) => a.status === 'agreed').map(async (a) => {
    const appraiser = a.appraiserId && a.appraiserId !== viewerId ? await deps.people.get(person.tenantId, a.appraiserId) : undefined;
    const appraiserName = a.appraiserId === viewerId ? 'you' : appraiser ? nameOf(appraiser) : 'their appraiser';
    const personName = viewerId === person.aadObjectId ? 'you' : nameOf(person);
    return `Plan year from ${formatFullDay(a.period)}: agreed by ${personName} and ${appraiserName} on ${formatFullDay(a.agreedAt!.slice(0, 10))}.`;
  }));
  return {
    line: lines.join(' '),
    mark: (need) => {
      const a = byPeriod.get(need.period);
      const change = a && changeSinceAgreed(a, need);
      return change ? MARKS[change] : null;
    },
  };
}

/** What was agreed at the latest supervision held, for the person's own plan only (nobody else sees it). */
export async function agreedAtSupervision(deps: Pick<AppDeps, 'schedules'>, person: Person, today: IsoDate): Promise<{ heading: string; lines: string[] } | null> {
  const schedule = await deps.schedules.get(person.tenantId, person.aadObjectId, 'supervision');
  const agreed = schedule?.agreed;
  if (!agreed || agreed.actions.length === 0) return null;
  return { heading: `Agreed at your supervision on ${formatFullDay(agreed.date)}`, lines: agreed.actions.map((a) => `• ${describeAction(a, 'you', today)}`) };
}
