// A proposed mentoring pair answering: a decline puts the request back in the pool (never this pair
// again); when both have accepted, the pair is under way and each is introduced to the other.
import type { MentorMatch } from '../../core/mentoring';
import { firstName, nameOf, type Person } from '../../core/people';
import { ConcurrencyError } from '../../store/errors';
import type { Stored } from '../../store/mentoring';
import type { PairRole } from '../cards';
import type { AppDeps } from '../deps';

function ignoreRace(err: unknown) {
  if (!(err instanceof ConcurrencyError)) throw err;
}

/** The request goes back to waiting; this pair is never proposed again (its match row says so). */
export async function backToPool(deps: Pick<AppDeps, 'mentoring' | 'clock'>, match: MentorMatch, notYet: string | null): Promise<void> {
  const request = await deps.mentoring.getRequest(match.tenantId, match.menteeId, match.requestId);
  if (request && request.status === 'proposed') {
    await deps.mentoring.updateRequest(request, { status: 'waiting', notYet, updatedAt: deps.clock.now().toISOString() }).catch(ignoreRace);
  }
}

type PairDeps = Pick<AppDeps, 'mentoring' | 'outbox' | 'clock' | 'log'>;

/** "A mentoring pairing", "work shadowing": what the pair would do, as the other person is told. */
export type PairWhat = (match: MentorMatch) => string;

/** One of the pair declines: the match ends, the mentee waits again, and the other is told (never the reason). */
export async function declinePair(deps: PairDeps, match: Stored<MentorMatch>, role: PairRole, me: Person, other: Person, reason: string, what: PairWhat): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.mentoring.updateMatch(match, { status: 'declined', declinedBy: me.aadObjectId, declineReason: reason, [role === 'mentor' ? 'mentorAnswer' : 'menteeAnswer']: 'declined', updatedAt: now });
  await backToPool(deps, match, role === 'mentor' ? `${firstName(me)} couldn't take this on; you're back in the pool for the next run.` : null);
  await deps.outbox.sendText(match.tenantId, `mentor-declined|${match.matchId}`, other.aadObjectId, role === 'mentor'
    ? `${nameOf(me)} can't take on your ${what(match)} right now. You're back in the pool: Weave will look again at the next matching run.`
    : `${nameOf(me)} has decided not to go ahead with ${what(match)} for now. Your place is free for someone else.`);
  deps.log.info('mentoring.declined', { role });
}

/** One of the pair accepts; answers the match as it now stands, and whether both have (then the other gets an introduction). */
export async function acceptPair(deps: PairDeps, match: Stored<MentorMatch>, role: PairRole, other: Person): Promise<{ match: Stored<MentorMatch>; both: boolean }> {
  const now = deps.clock.now().toISOString();
  const both = (role === 'mentor' ? match.menteeAnswer : match.mentorAnswer) === 'accepted';
  const updated = await deps.mentoring.updateMatch(match, {
    [role === 'mentor' ? 'mentorAnswer' : 'menteeAnswer']: 'accepted', ...(both ? { status: 'active', introducedAt: now } : {}), updatedAt: now,
  });
  deps.log.info('mentoring.accepted', { role, both });
  if (!both) return { match: updated, both };
  const request = await deps.mentoring.getRequest(match.tenantId, match.menteeId, match.requestId);
  if (request) await deps.mentoring.updateRequest(request, { status: 'matched', updatedAt: now }).catch(ignoreRace);
  // The other person learns by a fresh card; this person's card becomes the introduction.
  await deps.outbox.sendCard({
    tenantId: match.tenantId, batch: `mentor-intro|${match.matchId}|${other.aadObjectId}`, recipientId: other.aadObjectId,
    kind: 'mentorIntro', context: { matchId: match.matchId, role: role === 'mentor' ? 'mentee' : 'mentor' },
  });
  return { match: updated, both };
}
