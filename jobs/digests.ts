// Weekly digests: each linked team's training plan is computed and stored for the week, then
// posted to its channel (totals only); every manager with reports gets theirs privately, by name;
// on the first such day of a month, L&D get the organisation's plan. Each has a batch key per week,
// so running again in the same week posts nothing twice. Once the date to agree by has passed, each
// team still without agreed priorities has its manager reminded, once a year.
import type { AppDeps } from '../app/deps';
import { remindUnagreedTeams } from '../app/plans/agreements';
import { loadRollup, teamPlanOf } from '../app/plans/rollup';
import { mondayOf } from '../core/calendar';
import { hasRole } from '../core/people';
import { localDate } from '../core/zonedTime';
import { channelRecipient } from '../store/plans';
import { plural } from '../core/words';

export async function runDigests(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const period = mondayOf(today);
  const [data, links] = await Promise.all([loadRollup(deps, period), deps.plans.listDigestLinks(tenantId)]);

  for (const link of links) {
    await deps.plans.saveTeamPlan(tenantId, teamPlanOf(deps, data, link.team, period));
    await deps.outbox.sendCard({ tenantId, batch: `digest|${link.team}|${period}`, recipientId: channelRecipient(link.team), kind: 'teamDigest', context: { team: link.team, period } });
  }

  // Line managers only: a professional supervisor does not get a report's plan.
  const leads = new Set(data.people.map((p) => p.managerId).filter((id): id is string => !!id));
  const managers = data.people.filter((p) => leads.has(p.aadObjectId) && hasRole(p, 'manager'));
  for (const m of managers) {
    await deps.outbox.sendCard({ tenantId, batch: `manager-digest|${period}`, recipientId: m.aadObjectId, kind: 'managerDigest', context: { period } });
  }

  const monthly = Number(period.slice(8, 10)) <= 7;
  const admins = monthly ? data.people.filter((p) => hasRole(p, 'ld_admin')) : [];
  for (const a of admins) {
    await deps.outbox.sendCard({ tenantId, batch: `org-digest|${period}`, recipientId: a.aadObjectId, kind: 'orgPlan', context: { period } });
  }
  const reminded = await remindUnagreedTeams(deps, tenantId, today);
  return `${plural(links.length, 'team channel', 'team channels')}, ${plural(managers.length, 'manager digest', 'manager digests')}${monthly ? `, organisation plan to ${admins.length} L&D` : ''}${reminded > 0 ? `, ${plural(reminded, 'team', 'teams')} reminded to agree priorities` : ''} for the week of ${period}`;
}
