// Teams (the Microsoft Teams kind) that Weave has been added to, and their channels. PartitionKey =
// tenant id, RowKey = the team's id (escaped). Channel lists are small, so they live on the team row.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { createIfAbsent, getEntity, listAll, safeKey, TABLES, ConcurrencyError, typedStorageError, type Tables } from './tables';

export interface Channel {
  id: string;
  name: string;
}

export interface InstalledTeam {
  tenantId: string;
  teamId: string;
  name: string;
  aadGroupId: string;
  serviceUrl: string;
  channels: Channel[];
  status: 'installed' | 'removed';
  installedAt: string;
  installedBy: string;
}

interface TeamEntity {
  teamId: string;
  name: string;
  aadGroupId: string;
  serviceUrl: string;
  channels: string;
  status: string;
  installedAt: string;
  installedBy: string;
}

export interface TeamStore {
  get(tenantId: string, teamId: string): Promise<InstalledTeam | undefined>;
  save(team: InstalledTeam): Promise<void>;
  /** Records Weave being added to a team; true only for the one caller that added (or re-added) it. */
  recordInstall(team: InstalledTeam): Promise<boolean>;
  list(tenantId: string): Promise<InstalledTeam[]>;
}

function toEntity(team: InstalledTeam) {
  return {
    partitionKey: team.tenantId, rowKey: safeKey(team.teamId), teamId: team.teamId, name: team.name,
    aadGroupId: team.aadGroupId, serviceUrl: team.serviceUrl, channels: JSON.stringify(team.channels),
    status: team.status, installedAt: team.installedAt, installedBy: team.installedBy,
  };
}

function toTeam(e: TableEntityResult<TeamEntity>): InstalledTeam {
  return {
    tenantId: e.partitionKey!, teamId: e.teamId, name: e.name, aadGroupId: e.aadGroupId, serviceUrl: e.serviceUrl,
    channels: JSON.parse(e.channels) as Channel[], status: e.status as InstalledTeam['status'],
    installedAt: e.installedAt, installedBy: e.installedBy,
  };
}

export class TableTeamStore implements TeamStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.teams);
  }

  async get(tenantId: string, teamId: string) {
    const e = await getEntity<TeamEntity>(this.client, tenantId, safeKey(teamId));
    return e && toTeam(e);
  }

  async save(team: InstalledTeam) {
    await this.client.upsertEntity(toEntity(team), 'Replace');
  }

  async recordInstall(team: InstalledTeam) {
    // Teams sends both installationUpdate and conversationUpdate for one install: only one may greet.
    if (await createIfAbsent(this.client, toEntity(team))) return true;
    const existing = await getEntity<TeamEntity>(this.client, team.tenantId, safeKey(team.teamId));
    if (!existing) return false;
    const reinstalled = existing.status !== 'installed';
    try {
      await this.client.updateEntity(reinstalled ? toEntity(team) : { ...toEntity(team), installedAt: existing.installedAt, installedBy: existing.installedBy }, 'Replace', { etag: existing.etag });
      return reinstalled;
    } catch (err) {
      if (typedStorageError(err, 'This team') instanceof ConcurrencyError) return false; // the other event got there first
      throw err;
    }
  }

  async list(tenantId: string) {
    return (await listAll<TeamEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toTeam);
  }
}
