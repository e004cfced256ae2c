// After 4 and 12 weeks each of a pair says whether they have met and whether it was useful; the
// mentee's answer at the last check-in ends the pairing and frees the mentor's place.
import type { CheckIn, MentorMatch } from '../../core/mentoring';
import type { Stored } from '../../store/mentoring';
import type { AppDeps } from '../deps';

export async function recordCheckIn(
  deps: Pick<AppDeps, 'mentoring' | 'mentoringPolicy' | 'clock'>, match: Stored<MentorMatch>, week: number, personId: string, met: boolean, useful: CheckIn['useful'],
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const checkIns = [...match.checkIns.filter((c) => !(c.week === week && c.personId === personId)), { week, personId, at: now, met, useful: met ? useful : null }];
  const last = Math.max(...deps.mentoringPolicy.checkInWeeks);
  const ends = week >= last && personId === match.menteeId;
  await deps.mentoring.updateMatch(match, { checkIns, ...(ends ? { status: 'ended' } : {}), updatedAt: now });
}
