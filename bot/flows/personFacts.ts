// How a person's record reads on a card.
import { dateFormat } from '../../core/dateFormats';
import { plain } from '../../core/text';
import { nameOf, type Person } from '../../core/people';
import { careerStageLabel, professionLabel, registrationLabel, ROLES } from '../../core/workforce';
import type { BotDeps } from '../context';

export interface Fact {
  title: string;
  value: string;
}

export async function personFacts(deps: BotDeps, person: Person): Promise<Fact[]> {
  const [manager, supervisor] = await Promise.all([
    person.managerId ? deps.people.get(person.tenantId, person.managerId) : undefined,
    person.supervisorId ? deps.people.get(person.tenantId, person.supervisorId) : undefined,
  ]);
  const facts: Fact[] = ([
    { title: 'Name', value: person.preferredName ? `${person.displayName} (goes by ${person.preferredName})` : person.displayName },
    { title: 'Email', value: person.email || '—' },
    { title: 'Job title', value: person.jobTitle },
    { title: 'Profession', value: professionLabel(person.profession) },
    { title: 'Career stage', value: careerStageLabel(person.careerStage) },
    { title: 'Team', value: person.service ? `${person.team} (${person.service})` : person.team },
    { title: 'Line manager', value: manager ? nameOf(manager) : '—' },
    { title: 'Professional supervisor', value: supervisor ? nameOf(supervisor) : 'Your line manager' },
    {
      title: 'Registration',
      value: person.registrationBody === 'none'
        ? registrationLabel('none')
        : `${registrationLabel(person.registrationBody)}${person.registrationNumber ? `, ${person.registrationNumber}` : ''}`,
    },
    { title: 'Roles', value: person.roles.map((r) => ROLES[r]).join(', ') },
  ] satisfies Fact[]).map((f) => ({ ...f, value: plain(f.value) }));
  if (person.startDate) facts.push({ title: 'Started', value: formatDate(person.startDate) });
  return facts;
}

export function formatDate(isoDate: string): string {
  return dateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
