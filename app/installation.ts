// Weave arriving in, and leaving, a person's chat or a team: how to reach each person later (their
// conversation, zone and language), and which teams and channels it is in.
import type { ConversationRef } from '../core/conversation';
import type { Channel } from '../store/teamsInstalled';
import type { AppDeps } from './deps';

export interface Sighting {
  tenantId: string;
  aadObjectId: string;
  ref: ConversationRef;
  timeZone: string | null;
  locale: string | null;
}

/** A personal turn: remember how to reach them (only written when something changed). */
export function recordConversation(deps: Pick<AppDeps, 'conversations' | 'clock'>, seen: Sighting) {
  return deps.conversations.recordSeen({ ...seen, at: deps.clock.now().toISOString() });
}

export async function personalUninstalled(deps: Pick<AppDeps, 'conversations' | 'clock' | 'log'>, tenantId: string, aadObjectId: string): Promise<void> {
  await deps.conversations.setStatus(tenantId, aadObjectId, 'uninstalled', deps.clock.now().toISOString());
  deps.log.info('app.uninstalled', { scope: 'personal' });
}

export interface TeamArrival {
  tenantId: string;
  team: { id: string; name: string; aadGroupId: string };
  serviceUrl: string;
  channels: Channel[];
  by: string;
}

/** Records the team; true the first time (or back after removal). */
export async function recordTeamInstall(deps: Pick<AppDeps, 'teams' | 'clock' | 'log'>, a: TeamArrival): Promise<boolean> {
  const isNew = await deps.teams.recordInstall({
    tenantId: a.tenantId, teamId: a.team.id, name: a.team.name || 'Team', aadGroupId: a.team.aadGroupId, serviceUrl: a.serviceUrl,
    channels: a.channels, status: 'installed', installedAt: deps.clock.now().toISOString(), installedBy: a.by,
  });
  if (isNew) deps.log.info('app.installed', { scope: 'team', channels: a.channels.length });
  return isNew;
}

export async function teamChannelsChanged(deps: Pick<AppDeps, 'teams'>, tenantId: string, team: { id: string; name: string }, channels: Channel[]): Promise<void> {
  const known = await deps.teams.get(tenantId, team.id);
  if (known) await deps.teams.save({ ...known, name: team.name || known.name, channels });
}

export async function teamRemoved(deps: Pick<AppDeps, 'teams' | 'log'>, tenantId: string, teamId: string): Promise<void> {
  const known = await deps.teams.get(tenantId, teamId);
  if (known) await deps.teams.save({ ...known, status: 'removed' });
  deps.log.info('app.uninstalled', { scope: 'team' });
}
