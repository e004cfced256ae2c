// Where a team's weekly digest goes: the channel its team manager chose.
import type { ConversationRef } from '../../core/conversation';
import type { AppDeps } from '../deps';
import { leadOf, teamLedBy } from './rollup';

/**
 * Links a channel to the team a manager leads. Only the team's lead — the manager most of its
 * members report to — may, so nobody can send another team's figures somewhere else; if someone
 * had linked it before, they are told where it goes now.
 */
export async function linkDigest(deps: Pick<AppDeps, 'people' | 'plans' | 'outbox' | 'clock' | 'log' | 'planPolicy'>, managerId: string, ref: ConversationRef, channelName: string): Promise<string> {
  const people = await deps.people.list(ref.tenantId);
  const team = teamLedBy(managerId, people);
  if (!team) return "Weave can't tell which team you lead: nobody on HR's roster reports to you yet.";
  if (leadOf(team, people) !== managerId) return `Only ${team}'s team manager (the manager most of ${team} report to) can choose where its digest goes.`;
  const before = await deps.plans.getDigestLink(ref.tenantId, team);
  await deps.plans.linkDigest({ tenantId: ref.tenantId, team, ref, channelName, linkedBy: managerId, linkedAt: deps.clock.now().toISOString() });
  if (before && before.linkedBy !== managerId) {
    await deps.outbox.sendText(ref.tenantId, `digest-moved|${team}|${deps.clock.now().toISOString()}`, before.linkedBy, `${team}'s training plan digest now goes to a different channel, chosen by its team manager.`);
  }
  deps.log.info('digest.linked', {});
  const t = deps.planPolicy.threshold;
  return `This channel will get ${team}'s training plan digest every week: team totals only — no names, needs or reflections, and any count under ${t} shows as "fewer than ${t}".`;
}

