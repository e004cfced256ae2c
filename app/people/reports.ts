// Who a manager is responsible for: their direct reports, and anyone they professionally supervise.
import { nameOf, type Person } from '../../core/people';
import type { AppDeps } from '../deps';

export async function reportsOf(deps: Pick<AppDeps, 'people'>, tenantId: string, managerId: string): Promise<Person[]> {
  const people = await deps.people.list(tenantId);
  return people
    .filter((p) => p.status !== 'left' && p.aadObjectId !== managerId && (p.managerId === managerId || p.supervisorId === managerId))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}
