// `team status`: where each of a manager's reports stands with supervision and appraisal. Names and
// detail, so 1:1 only.
import { teamStatusCard } from '../../cards/teamStatus';
import type { Asking } from '../context';
import { teamStatusOf } from '../flows/teamStatus';
import type { CommandDef } from './command';

export const teamStatusCommand: CommandDef = {
  name: 'team status',
  aliases: ['team', 'my team'],
  summary: "See each report's next supervision and appraisal: prepared or not, overdue, reachable in Teams.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const { summary, people } = await teamStatusOf(deps, turn.tenantId, turn.user.aadObjectId);
    if (people.length === 0) return [{ text: "Weave doesn't know anyone who reports to you yet." }];
    return [{
      card: teamStatusCard({
        title: 'Your team: supervision and appraisal',
        summary,
        people: people.map(({ id: _id, ...p }) => p),
        footer: 'Only you see this. Record dates with supervision; Weave then prepares people before each one.',
      }),
      summary: 'Your team',
    }];
  },
};
