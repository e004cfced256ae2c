// Plans and their digests. PartitionKey = tenant id throughout:
// - `triggers`: RowKey = trigger id. Learning triggers L&D recorded.
// - `teamplans`: RowKey = team|period (the Monday it is for). A team's training plan as computed for
//   that week: what its digest shows, and what next week's trend compares against.
// - `digestlinks`: RowKey = team (escaped). The channel a team's digest goes to, as the
//   conversation reference Teams gave when a manager said `digest here`.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { ConversationRef } from '../core/conversation';
import type { TeamPlan } from '../core/teamPlan';
import type { LearningTrigger } from '../core/triggers';
import { getEntity, listAll, safeKey, TABLES, type Tables } from './tables';

export interface DigestLink {
  tenantId: string;
  team: string;
  ref: ConversationRef;
  channelName: string;
  linkedBy: string;
  linkedAt: string;
}

/** The outbox's recipient id for a team's digest channel (a table key, so the team name is escaped). */
export const channelRecipient = (team: string) => `channel|${safeKey(team)}`;
export const isChannelRecipient = (recipientId: string) => recipientId.startsWith('channel|');

export interface PlanStore {
  saveTrigger(trigger: LearningTrigger): Promise<void>;
  listTriggers(tenantId: string): Promise<LearningTrigger[]>;
  getTrigger(tenantId: string, triggerId: string): Promise<LearningTrigger | undefined>;
  saveTeamPlan(tenantId: string, plan: TeamPlan): Promise<void>;
  getTeamPlan(tenantId: string, team: string, period: string): Promise<TeamPlan | undefined>;
  linkDigest(link: DigestLink): Promise<void>;
  getDigestLink(tenantId: string, team: string): Promise<DigestLink | undefined>;
  /** The link an outbox recipient id (channelRecipient) stands for. */
  getDigestLinkFor(tenantId: string, recipientId: string): Promise<DigestLink | undefined>;
  listDigestLinks(tenantId: string): Promise<DigestLink[]>;
}

interface TriggerEntity {
  source: string; summary: string; codes: string; teams: string; professions: string; dueDate: string; needsCreated: boolean; createdBy: string; createdAt: string;
  closed?: string;
}

const list = (s: string) => (s ? s.split(';') : []);

const toTrigger = (e: TableEntityResult<TriggerEntity>): LearningTrigger => ({
  tenantId: e.partitionKey!, triggerId: e.rowKey!, source: e.source as LearningTrigger['source'], summary: e.summary, codes: list(e.codes),
  teams: JSON.parse(e.teams) as string[], professions: list(e.professions) as LearningTrigger['professions'], dueDate: e.dueDate || null,
  needsCreated: e.needsCreated, createdBy: e.createdBy, createdAt: e.createdAt, closed: e.closed ? (JSON.parse(e.closed) as LearningTrigger['closed']) : null,
});

export class TablePlanStore implements PlanStore {
  constructor(private readonly tables: Tables) {}

  async saveTrigger(t: LearningTrigger) {
    await this.tables.client(TABLES.triggers).upsertEntity<TriggerEntity>({
      partitionKey: t.tenantId, rowKey: t.triggerId, source: t.source, summary: t.summary, codes: t.codes.join(';'), teams: JSON.stringify(t.teams),
      professions: t.professions.join(';'), dueDate: t.dueDate ?? '', needsCreated: t.needsCreated, createdBy: t.createdBy, createdAt: t.createdAt,
      closed: t.closed ? JSON.stringify(t.closed) : '',
    }, 'Replace');
  }

  async listTriggers(tenantId: string) {
    const rows = await listAll<TriggerEntity>(this.tables.client(TABLES.triggers), odata`PartitionKey eq ${tenantId}`);
    return rows.map(toTrigger);
  }

  async getTrigger(tenantId: string, triggerId: string) {
    const e = await getEntity<TriggerEntity>(this.tables.client(TABLES.triggers), tenantId, triggerId);
    return e && toTrigger(e);
  }

  async saveTeamPlan(tenantId: string, plan: TeamPlan) {
    await this.tables.client(TABLES.teamPlans).upsertEntity({ partitionKey: tenantId, rowKey: safeKey(`${plan.team}|${plan.period}`), plan: JSON.stringify(plan) }, 'Replace');
  }

  async getTeamPlan(tenantId: string, team: string, period: string) {
    const e = await getEntity<{ plan: string }>(this.tables.client(TABLES.teamPlans), tenantId, safeKey(`${team}|${period}`));
    return e && (JSON.parse(e.plan) as TeamPlan);
  }

  async linkDigest(link: DigestLink) {
    await this.tables.client(TABLES.digestLinks).upsertEntity({
      partitionKey: link.tenantId, rowKey: safeKey(link.team), team: link.team, ref: JSON.stringify(link.ref), channelName: link.channelName, linkedBy: link.linkedBy, linkedAt: link.linkedAt,
    }, 'Replace');
  }

  async getDigestLink(tenantId: string, team: string) {
    return this.getDigestLinkFor(tenantId, channelRecipient(team));
  }

  async getDigestLinkFor(tenantId: string, recipientId: string) {
    const e = await getEntity<{ team: string; ref: string; channelName: string; linkedBy: string; linkedAt: string }>(this.tables.client(TABLES.digestLinks), tenantId, recipientId.slice('channel|'.length));
    return e && { tenantId, team: e.team, ref: JSON.parse(e.ref) as ConversationRef, channelName: e.channelName, linkedBy: e.linkedBy, linkedAt: e.linkedAt };
  }

  async listDigestLinks(tenantId: string) {
    const rows = await listAll<{ team: string; ref: string; channelName: string; linkedBy: string; linkedAt: string }>(this.tables.client(TABLES.digestLinks), odata`PartitionKey eq ${tenantId}`);
    return rows.map((e) => ({ tenantId, team: e.team, ref: JSON.parse(e.ref) as ConversationRef, channelName: e.channelName, linkedBy: e.linkedBy, linkedAt: e.linkedAt }));
  }
}
