// Where the demo's people would like to go: a third have an aim on the pathways (the next role up
// from where they are, some sharing it with their manager), a third said not now, the rest have not
// said — so L&D's totals and a manager's team status have something to show.
import type { IsoDate } from '../../core/calendar';
import { currentRoleOf, pathwaysOn, type Aspiration } from '../../core/pathways';
import type { Person } from '../../core/people';
import type { Runtime } from '../../runtime/runtime';

export function demoAspirations(rt: Pick<Runtime, 'pathways'>, people: readonly Person[], today: IsoDate): Aspiration[] {
  const p = pathwaysOn(rt.pathways, today);
  return people.flatMap((person, i): Aspiration[] => {
    const current = currentRoleOf(p, person);
    const up = current && p.routes.find((r) => r.from === current.id);
    const base = { tenantId: person.tenantId, personId: person.aadObjectId, shareWithManager: i % 2 === 0, fromRole: current?.id ?? null, stepAdded: false, setOn: today };
    if (i % 3 === 0 && up) return [{ ...base, choice: { kind: 'role', roleId: up.to } }];
    if (i % 3 === 1) return [{ ...base, choice: { kind: 'not_now' } }];
    return [];
  });
}

export async function writeAspirations(rt: Pick<Runtime, 'aspirations'>, aspirations: readonly Aspiration[]): Promise<void> {
  await Promise.all(aspirations.map((a) => rt.aspirations.save(a)));
}
