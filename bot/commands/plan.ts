// The Learning Development Plan in chat: add a need, see and update the plan, and (for managers)
// see and comment on a report's plan.
import type { Asking } from '../context';
import { addNeedFlow } from '../flows/addNeed';
import { issueCard } from '../flows/flow';
import { planFlow, reportPlanFlow } from '../flows/plan';
import { reportsOf } from '../../app/people/reports';
import type { CommandDef } from './command';

export const addNeedCommand: CommandDef = {
  name: 'add need',
  aliases: ['add a need', 'new need', 'learning need'],
  summary: 'Add a learning need to your plan: Common Core area, what you want to learn and how.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, addNeedFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Add to your plan' }];
  },
};

export const myPlanCommand: CommandDef = {
  name: 'my plan',
  aliases: ['plan', 'ldp', 'my ldp'],
  summary: 'See your Learning Development Plan, move needs on, plan an activity or drop a need.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, planFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Your Learning Development Plan' }];
  },
};

export const viewPlanCommand: CommandDef = {
  name: 'view plan',
  aliases: ['report plan', 'reports plans', 'see plan'],
  summary: "See a report's Learning Development Plan and comment on it.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const reports = await reportsOf(deps, turn.tenantId, turn.user.aadObjectId);
    if (reports.length === 0) return [{ text: "Weave doesn't know anyone who reports to you yet." }];
    const card = await issueCard(deps, reportPlanFlow, {
      tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30,
      context: { personId: reports.length === 1 ? reports[0]!.aadObjectId : '' },
    });
    return [{ card, summary: "A report's plan" }];
  },
};
