// The demo organisation: local/demo/roster.csv through the real roster import, then a believable
// recent history for its people (local/demo/learning.ts), all dated from today in the
// organisation's zone. The local stack loads it on first start; browser tests and the tab's
// screenshots use it too.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importRoster } from '../../admin/importRoster';
import { addDays, daysBetween, mondayOf, type IsoDate } from '../../core/calendar';
import { localDate } from '../../core/zonedTime';
import type { Runtime } from '../../runtime/runtime';
import { seedDemoLearning, type DemoLearning } from './learning';

export const DEMO_ROSTER = fileURLToPath(new URL('./roster.csv', import.meta.url));
/** Rows of people in an earlier roster whom today's no longer lists: the demo's leavers, for L&D's turnover. */
export const DEMO_LEAVERS = fileURLToPath(new URL('./leavers.csv', import.meta.url));

/**
 * The Monday roster.csv's start dates are written as of. On loading they move on by whole weeks to
 * this week, so the demo reads the same whenever it is started: Priya is always some weeks into her
 * first year, the newest joiners have only just started, and nobody starts in the future.
 */
export const ROSTER_AS_OF: IsoDate = '2026-11-23';

/** The roster with every date in it (only start dates have one) moved from ROSTER_AS_OF's week to today's. */
export function rosterAsOf(csv: string, today: IsoDate): string {
  const shift = daysBetween(ROSTER_AS_OF, mondayOf(today));
  return csv.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => addDays(date, shift));
}

/** `yearPlan: false` leaves this year's plan undecided (no team priorities, budget or lines): a council at the start of deciding it. */
export async function loadDemoOrganisation(rt: Runtime, tenantId: string, opts: { yearPlan?: boolean } = {}): Promise<{ staff: number; learning: number } & DemoLearning> {
  const today = localDate(rt.clock.now(), rt.config.timeZone);
  const roster = rosterAsOf(await readFile(DEMO_ROSTER, 'utf8'), today);
  const leavers = rosterAsOf(await readFile(DEMO_LEAVERS, 'utf8'), today);
  // An earlier roster with the leavers in it, then today's without them: they are marked left, as HR's imports leave them.
  const earlier = await importRoster({ ...rt, tenantId, timeZone: rt.config.timeZone }, `${roster.trimEnd()}\n${leavers}`, { source: 'local/demo/roster.csv and leavers.csv' });
  const result = await importRoster({ ...rt, tenantId, timeZone: rt.config.timeZone }, roster, { source: 'local/demo/roster.csv' });
  if (earlier.outcome !== 'imported' || result.outcome !== 'imported') throw new Error(`the demo roster did not import: ${JSON.stringify(earlier.outcome === 'imported' ? result : earlier)}`);
  const seeded = await seedDemoLearning(rt, tenantId, today, opts.yearPlan ?? true);
  return { staff: earlier.summary.joiners - result.summary.leavers, learning: seeded.needs + seeded.cpd + seeded.mentorOffers, ...seeded };
}
