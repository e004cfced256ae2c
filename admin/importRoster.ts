// Importing HR's roster: validate the whole file, decide every change, then write. A file with any
// bad row writes nothing; an import that would mark an unusual number of people as leavers waits
// for the operator to confirm it.
import type { Clock } from '../core/clock';
import { looksLikeMassLeaving, planRosterImport, type RosterChanges } from '../core/rosterPlan';
import { parseRoster, type RosterIssue } from '../core/roster';
import { localDate } from '../core/zonedTime';
import type { ImportCounts, ImportLog } from '../store/imports';
import type { PeopleStore } from '../store/people';
import type { QualificationStore } from '../store/qualifications';

export interface ImportOptions {
  /** Where the file came from, for the import log (a file name, never its content). */
  source: string;
  dryRun?: boolean;
  allowManyLeavers?: boolean;
}

export type ImportSummary = ImportCounts;

export type ImportResult =
  | { outcome: 'invalid'; errors: RosterIssue[]; warnings: RosterIssue[] }
  | { outcome: 'too-many-leavers'; summary: ImportSummary; warnings: RosterIssue[] }
  | { outcome: 'dry-run' | 'imported'; summary: ImportSummary; warnings: RosterIssue[]; durationMs: number };

function summarise(c: RosterChanges): ImportSummary {
  return {
    joiners: c.joiners.length,
    updated: c.updates.length - c.rejoiners.length - c.adopted.length,
    rejoiners: c.rejoiners.length,
    adopted: c.adopted.length,
    leavers: c.leavers.length,
    unchanged: c.unchanged,
  };
}

/** Storage failed part way through writing. Every write is idempotent: importing the same file again finishes the job. */
export class ImportInterrupted extends Error {
  constructor(override readonly cause: unknown) {
    super('The import stopped part way: storage did not answer. Some changes may be written. Import the same file again to finish: it is safe to repeat.');
    this.name = 'ImportInterrupted';
  }
}

export async function importRoster(
  deps: { people: PeopleStore; qualifications: QualificationStore; imports: ImportLog; clock: Clock; tenantId: string; timeZone: string },
  fileText: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const started = Date.now();
  const parsed = parseRoster(fileText);
  if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors, warnings: parsed.warnings };

  const existing = await deps.people.list(deps.tenantId);
  const changes = planRosterImport(existing, parsed.records);
  const summary = summarise(changes);
  const active = existing.filter((p) => p.status !== 'left' && p.source === 'roster').length;
  if (looksLikeMassLeaving(changes, active) && !options.allowManyLeavers) {
    return { outcome: 'too-many-leavers', summary, warnings: parsed.warnings };
  }
  if (options.dryRun) return { outcome: 'dry-run', summary, warnings: parsed.warnings, durationMs: Date.now() - started };

  const now = deps.clock.now();
  try {
    await deps.people.applyRoster(deps.tenantId, changes, localDate(now, deps.timeZone));
    // A file with the qualification columns says each person's: an empty one removes what the roster gave before.
    const qualifications = new Map(parsed.records.filter((r) => r.qualification !== undefined).map((r) => [r.aadObjectId, r.qualification ?? null]));
    if (qualifications.size > 0) await deps.qualifications.applyRoster(deps.tenantId, qualifications, now.toISOString());
  } catch (err) {
    throw new ImportInterrupted(err);
  }
  await deps.imports.record({ tenantId: deps.tenantId, at: now.toISOString(), source: options.source, ...summary });
  return { outcome: 'imported', summary, warnings: parsed.warnings, durationMs: Date.now() - started };
}
