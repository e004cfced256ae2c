// What a roster import will change, decided before anything is written.
import { sameHrRecord, type HrRecord, type Person } from './people';

export interface RosterChanges {
  /** New to Weave. */
  joiners: HrRecord[];
  /** Already known and their HR record changed, or they are coming back, or moving from self-introduced to rostered. */
  updates: HrRecord[];
  rejoiners: string[];
  /** Introduced themselves in Teams and now appear on the roster. */
  adopted: string[];
  unchanged: number;
  /**
   * On the last roster and missing from this one: marked as left, never deleted. People who only
   * introduced themselves in Teams are not leavers: HR's roster has not caught up with them yet.
   */
  leavers: Person[];
}

export function planRosterImport(existing: readonly Person[], records: readonly HrRecord[]): RosterChanges {
  const known = new Map(existing.map((p) => [p.aadObjectId, p]));
  const onRoster = new Set(records.map((r) => r.aadObjectId));
  const changes: RosterChanges = { joiners: [], updates: [], rejoiners: [], adopted: [], unchanged: 0, leavers: [] };

  for (const record of records) {
    const person = known.get(record.aadObjectId);
    if (!person) {
      changes.joiners.push(record);
    } else if (person.status === 'left') {
      changes.rejoiners.push(record.aadObjectId);
      changes.updates.push(record);
    } else if (person.source === 'self') {
      changes.adopted.push(record.aadObjectId);
      changes.updates.push(record);
    } else if (!sameHrRecord(person, record)) {
      changes.updates.push(record);
    } else {
      changes.unchanged += 1;
    }
  }
  for (const person of existing) {
    if (person.source === 'roster' && person.status !== 'left' && !onRoster.has(person.aadObjectId)) {
      changes.leavers.push(person);
    }
  }
  return changes;
}

/**
 * A partial export (one service's staff, a truncated file) would mark everyone else as left. Refuse an
 * import that removes more than this share of the current roster unless the operator says they mean it.
 */
export const MASS_LEAVER_SHARE = 0.1;
export const MASS_LEAVER_MINIMUM = 5;

export function looksLikeMassLeaving(changes: RosterChanges, currentlyActive: number): boolean {
  return changes.leavers.length > Math.max(MASS_LEAVER_MINIMUM, Math.floor(currentlyActive * MASS_LEAVER_SHARE));
}
