// A person's CPD record to download: a link only they are given, unguessable, for a day.
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../deps';

export const EXPORT_LINK_HOURS = 24;

export interface ExportLinkSet {
  markdown: string;
  csv: string;
  hours: number;
}

export async function createExportLinks(deps: Pick<AppDeps, 'exportLinks' | 'clock' | 'config'>, tenantId: string, personId: string): Promise<ExportLinkSet> {
  const now = deps.clock.now();
  // 256 random bits: the link is the key, so it must not be guessable.
  const token = randomBytes(32).toString('base64url');
  await deps.exportLinks.create({ token, tenantId, personId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + EXPORT_LINK_HOURS * 3_600_000).toISOString() });
  const base = `${deps.config.publicUrl}/api/exports/${token}`;
  return { markdown: `${base}/cpd-record.md`, csv: `${base}/cpd-record.csv`, hours: EXPORT_LINK_HOURS };
}
