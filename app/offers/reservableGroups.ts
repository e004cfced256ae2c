// The groups an offer can hold places for: the professions and services on HR's roster, and staff
// registered with a regulator or not — the same groups the organisation plan measures reach by.
import { groupKey, groupLabel, type Group } from '../../core/allocation';
import type { AppDeps } from '../deps';

export async function reservableGroups(deps: Pick<AppDeps, 'people'>, tenantId: string): Promise<{ value: string; title: string }[]> {
  const people = (await deps.people.list(tenantId)).filter((p) => p.status === 'active');
  const groups: Group[] = [
    { dimension: 'registration', value: 'unregistered' }, { dimension: 'registration', value: 'registered' },
    ...[...new Set(people.map((p) => p.profession))].sort().map((value) => ({ dimension: 'profession' as const, value })),
    ...[...new Set(people.map((p) => p.service).filter(Boolean))].sort().map((value) => ({ dimension: 'service' as const, value })),
  ];
  return groups.map((g) => ({ value: groupKey(g), title: groupLabel(g) }));
}

/** A person's groups' keys, as a booking on an offer that reserves places keeps them. */
export function groupKeysOf(p: { profession: string; service: string; registrationBody: string }): string[] {
  return [groupKey({ dimension: 'profession', value: p.profession }), groupKey({ dimension: 'service', value: p.service }), groupKey({ dimension: 'registration', value: p.registrationBody !== 'none' ? 'registered' : 'unregistered' })];
}
