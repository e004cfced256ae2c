// Cases the fuzz suite found, kept as fixed regressions: each runs on every run, before the fresh
// random ones, so a fixed bug stays fixed whatever seed the run draws. Each notes the seed that
// found it (replayable with FUZZ_SEED while the generators are unchanged).
import type { RawPost, Sender } from '../support/hostile';
import * as teams from '../support/teams';

const headers = { 'content-type': 'application/json' };

/** Bodies that once failed a turn, built for this run's tenant and connector. */
export function foundBodies({ user, o }: Sender): RawPost[] {
  const base = teams.personalMessage(user, '', o) as Record<string, unknown>;
  const without = (type: string, channelData: unknown): RawPost => {
    const { channelData: _dropped, ...rest } = base;
    const body = channelData === undefined ? { ...rest, type } : { ...rest, type, channelData };
    return { body: JSON.stringify(body), headers, kind: `found: ${type} with channelData ${JSON.stringify(channelData) ?? 'missing'}` };
  };
  return [
    // FUZZ_SEED=1968147479: botbuilder's Teams dispatch read channelData.eventType of undefined.
    without('messageUpdate', undefined),
    without('messageUpdate', null),
    without('messageDelete', undefined),
    without('messageDelete', null),
    without('conversationUpdate', undefined),
    without('conversationUpdate', null),
    // FUZZ_SEED=-1077698596 (the Teams SDK pass): an installationUpdate whose channelData.team.id was not text failed the turn.
    without('installationUpdate', { tenant: { id: o.tenantId }, team: { id: true } }),
    without('conversationUpdate', { tenant: { id: o.tenantId }, channel: { id: 7 } }),
  ];
}
