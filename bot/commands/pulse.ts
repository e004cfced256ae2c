// `pulse`: the quarter's integration pulse, any time — four statements, answered anonymously.
import { daysBetween } from '../../core/calendar';
import { quarterEnd } from '../../core/pulse';
import { PULSE_WORDS, pulseStatus } from '../../app/pulse/answers';
import { todayFor } from '../../app/people/today';
import { issueCard } from '../flows/flow';
import { pulseFlow } from '../flows/pulse';
import type { Asking } from '../context';
import type { CommandDef } from './command';

export const pulseCommand: CommandDef = {
  name: 'pulse',
  aliases: ['integration pulse', 'us and them'],
  summary: "Answer this quarter's integration pulse: four statements on working with other professions, anonymously.",
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const today = await todayFor(deps, turn.tenantId, turn.user.aadObjectId);
    const status = await pulseStatus(deps, turn.tenantId, turn.user.aadObjectId, today);
    if (status.answered) return [{ text: PULSE_WORDS.already(status.quarter) }];
    const card = await issueCard(deps, pulseFlow, {
      tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: daysBetween(today, quarterEnd(status.quarter)) + 1, context: { quarter: status.quarter },
    });
    return [{ card, summary: 'Integration pulse' }];
  },
};
