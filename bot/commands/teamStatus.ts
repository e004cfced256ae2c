// `team status`: where each of a manager's reports stands with supervision and appraisal. Names and
// detail, so 1:1 only. A long list is cut short on the card, those needing attention first.
import { largestThatFits } from '../../cards/fit';
import { teamStatusCard } from '../../cards/teamStatus';
import type { Asking } from '../context';
import { teamStatusOf } from '../../app/plans/teamStatus';
import type { CommandDef } from './command';

/** At most this many people on the card; fewer when their details are long (cards/fit.ts). */
export const PEOPLE_ON_CARD = 25;

export const teamStatusCommand: CommandDef = {
  name: 'team status',
  aliases: ['team', 'my team'],
  summary: "See each report's next supervision and appraisal (prepared or not, overdue, reachable in Teams) and their mandatory learning.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const { summary, people } = await teamStatusOf(deps, turn.tenantId, turn.user.aadObjectId);
    if (people.length === 0) return [{ text: "Weave doesn't know anyone who reports to you yet." }];
    // A stable sort: by name within the same number of concerns, as teamStatusOf lists them.
    const byConcern = [...people].sort((a, b) => b.concerns - a.concerns);
    const card = largestThatFits(PEOPLE_ON_CARD, (count) => {
      const shown = byConcern.slice(0, count);
      return teamStatusCard({
        title: 'Your team: supervision and appraisal',
        summary,
        people: shown.map(({ id: _id, concerns: _concerns, ...p }) => p),
        more: shown.length < people.length
          ? `Showing ${shown.length} of ${people.length}: overdue, not reachable and not prepared first. Everyone is on the Plans tab at the top of this chat (My team).`
          : '',
        footer: 'Only you see this. Record dates with supervision; Weave then prepares people before each one.',
      });
    });
    return [{
      card,
      summary: 'Your team',
    }];
  },
};
