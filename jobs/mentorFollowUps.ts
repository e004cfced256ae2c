// Following mentoring up, every working day: a proposal unanswered after the reply window gets one
// reminder to whoever has not answered, and after a second window it lapses (the request goes back
// to the pool without that pair); introduced pairs get their check-ins at 4 and 12 weeks, and a
// pairing nobody closed ends a month after the last one. Every send has a fixed batch key.
import type { AppDeps } from '../app/deps';
import { backToPool } from '../app/mentoring/pairing';
import { addDays, addWorkingDays, workingCalendar } from '../core/calendar';
import { MENTORING_KINDS } from '../core/mentoring';
import { localDate } from '../core/zonedTime';
import { ConcurrencyError } from '../store/errors';

export async function runMentorFollowUps(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const now = deps.clock.now();
  const today = localDate(now, deps.config.timeZone);
  const calendar = workingCalendar();
  if (!calendar.isWorkingDay(today)) return 'not a working day';
  const policy = deps.mentoringPolicy;
  const counts = { reminded: 0, lapsed: 0, checkIns: 0, ended: 0 };
  const people = new Map((await deps.people.list(tenantId)).map((p) => [p.aadObjectId, p]));

  for (const match of await deps.mentoring.listMatches(tenantId)) {
    try {
      if (match.status === 'proposed') {
        const proposed = localDate(new Date(match.proposedAt), deps.config.timeZone);
        const remindOn = addWorkingDays(proposed, policy.replyWorkingDays, calendar);
        const lapseOn = addWorkingDays(remindOn, policy.replyWorkingDays, calendar);
        const waitingOn = [match.mentorAnswer ? null : match.mentorId, match.menteeAnswer ? null : match.menteeId].filter((id): id is string => !!id);
        if (today >= lapseOn) {
          await deps.mentoring.updateMatch(match, { status: 'expired', updatedAt: now.toISOString() });
          await backToPool(deps, match, null);
          for (const id of [match.mentorId, match.menteeId]) {
            const silent = waitingOn.includes(id);
            await deps.outbox.sendText(tenantId, `mentor-lapsed|${match.matchId}|${id}`, id, silent
              ? `The ${MENTORING_KINDS[match.kind].toLowerCase()} Weave proposed has lapsed without your answer, so it has been released.`
              : `The ${MENTORING_KINDS[match.kind].toLowerCase()} Weave proposed has lapsed without both answers. ${id === match.menteeId ? "You're back in the pool for the next run." : 'Your place is free again.'}`);
          }
          counts.lapsed += 1;
        } else if (today >= remindOn && !match.remindedAt) {
          for (const id of waitingOn) {
            const cardId = await cardFor(deps, match.matchId, id);
            if (cardId) {
              await deps.outbox.resendCard(tenantId, `mentor-reminder|${match.matchId}|${id}`, id, cardId,
                { heading: 'Reminder', text: `Please accept or decline by ${lapseOn}: after that the proposal lapses.` });
            }
          }
          await deps.mentoring.updateMatch(match, { remindedAt: now.toISOString() });
          counts.reminded += 1;
        }
        continue;
      }
      if (match.status !== 'active' || !match.introducedAt) continue;
      const introduced = localDate(new Date(match.introducedAt), deps.config.timeZone);
      for (const week of policy.checkInWeeks) {
        // Due from that week for a fortnight (a missed day catches up; the batch key keeps it to once).
        if (today < addDays(introduced, 7 * week) || today >= addDays(introduced, 7 * week + 14)) continue;
        for (const id of [match.menteeId, match.mentorId]) {
          if (people.get(id)?.status !== 'active') continue;
          await deps.outbox.sendCard({ tenantId, batch: `mentor-checkin|${match.matchId}|${week}|${id}`, recipientId: id, kind: 'mentorCheckIn', context: { matchId: match.matchId, week } });
        }
        counts.checkIns += 1;
      }
      const last = Math.max(0, ...policy.checkInWeeks);
      if (today >= addDays(introduced, 7 * last + 28)) {
        await deps.mentoring.updateMatch(match, { status: 'ended', updatedAt: now.toISOString() });
        counts.ended += 1;
      }
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // someone answered meanwhile: tomorrow's run sees it
    }
  }
  return Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
}

/** The proposal card this person was sent for a match (its id is derived from the outbox batch). */
async function cardFor(deps: AppDeps, matchId: string, personId: string): Promise<string | undefined> {
  const delivery = await deps.deliveries.get(`mentor-proposal|${matchId}|${personId}`, personId);
  return delivery && delivery.message.kind === 'card' && typeof delivery.message.cardId === 'string' ? delivery.message.cardId : undefined;
}
