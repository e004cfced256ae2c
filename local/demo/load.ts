// The demo organisation: local/demo/roster.csv through the real roster import, then the demo
// people's learning. The local stack loads it on first start; browser tests and the tab's
// screenshots use it too.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importRoster } from '../../admin/importRoster';
import { localDate } from '../../core/zonedTime';
import type { Runtime } from '../../runtime/runtime';
import { seedDemoLearning } from './learning';

export const DEMO_ROSTER = fileURLToPath(new URL('./roster.csv', import.meta.url));

export async function loadDemoOrganisation(rt: Runtime, tenantId: string): Promise<{ staff: number; learning: number }> {
  const result = await importRoster({ ...rt, tenantId, timeZone: rt.config.timeZone }, await readFile(DEMO_ROSTER, 'utf8'), { source: 'local/demo/roster.csv' });
  if (result.outcome !== 'imported') throw new Error(`the demo roster did not import: ${JSON.stringify(result)}`);
  const learning = await seedDemoLearning(rt, tenantId, localDate(rt.clock.now(), rt.config.timeZone));
  return { staff: result.summary.joiners, learning };
}
