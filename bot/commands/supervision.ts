import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { reportsOf } from '../../app/people/reports';
import { scheduleSessionFlow } from '../flows/scheduleSession';
import type { CommandDef } from './command';

export const supervisionCommand: CommandDef = {
  name: 'supervision',
  aliases: ['record supervision', 'schedule supervision', 'appraisal'],
  summary: "Record the date of a report's supervision, appraisal or mid-year review, once or repeating.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    if ((await reportsOf(deps, turn.tenantId, turn.user.aadObjectId)).length === 0) {
      return [{ text: "Weave doesn't know anyone who reports to you yet. Reports come from HR's roster, or from people naming you as their professional supervisor in their profile." }];
    }
    const card = await issueCard(deps, scheduleSessionFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId });
    return [{ card, summary: 'Record a supervision or appraisal' }];
  },
};
