// How a CPD record and registration readiness read: the same words on `my cpd`, after `log cpd`,
// in reminders and in the exported document.
import { activityLabel } from '../core/activities';
import { formatDate, type IsoDate } from '../core/calendar';
import { describeCode } from '../core/commonCore';
import { cpdFacts, hasPeerReflection, hasReflection, promptText, reflectionPrompts, type CpdFacts, type CpdRecord } from '../core/cpd';
import type { Person } from '../core/people';
import { readiness, type Readiness, type RegistrationPolicy } from '../core/registration';
import { professionLabel, registrationLabel } from '../core/workforce';
import { plural } from '../core/words';

export function readinessOf(policy: RegistrationPolicy, person: Pick<Person, 'registrationBody' | 'revalidationDate'>, records: readonly (CpdRecord | CpdFacts)[], today: IsoDate): Readiness {
  const facts = records.map((r) => ('reflected' in r ? r : cpdFacts(r)));
  return readiness(policy, person.registrationBody, facts, today, { revalidationDate: person.revalidationDate });
}

const hours = (n: number) => plural(n, 'hour', 'hours');

/** "Social Work England, registration year 1 December 2026 to 30 November 2027" */
export function periodLine(r: Readiness): string {
  if (!r.period && r.regulator === 'tra') return 'Teaching Regulation Agency: Qualified Teacher Status does not lapse and there is no CPD renewal. Your CPD record is still yours to keep and export.';
  if (!r.period) return 'Not registered with a regulator: your CPD record is still yours to keep and export.';
  const noun = r.regulator === 'swe' ? 'registration year' : r.regulator === 'hcpc' ? 'registration cycle' : 'revalidation period';
  return `${registrationLabel(r.regulator)}, ${noun} ${formatDate(r.period.from)} to ${formatDate(r.period.to)}`;
}

export function headline(r: Readiness): { text: string; tone: 'good' | 'attention' | 'default' } {
  if (!r.period) return { text: r.regulator === 'tra' ? 'No CPD renewal to meet.' : 'No regulator requirements to meet.', tone: 'default' };
  if (r.met) return { text: 'You have what your regulator asks for this period.', tone: 'good' };
  const missing = r.checks.filter((c) => !c.met).length;
  const window = r.inRenewalWindow && r.renewal ? ` Renewal is open until ${formatDate(r.renewal.to)}.` : '';
  return { text: `${plural(missing, 'thing', 'things')} still to do.${window}`, tone: r.inRenewalWindow ? 'attention' : 'default' };
}

export function checkFacts(r: Readiness): { title: string; value: string }[] {
  return r.checks.map((c) => ({
    title: c.label,
    value: c.unit[0] === 'gap'
      ? (c.met ? '✓ none' : `${plural(c.have, 'gap', 'gaps')} to explain`)
      : `${c.met ? '✓' : '✗'} ${c.have} of ${plural(c.need, c.unit[0], c.unit[1])}`,
  }));
}

export function readinessNotes(r: Readiness): string[] {
  const notes: string[] = [];
  if (r.needsFromPerson) notes.push(r.needsFromPerson);
  for (const g of r.gaps) notes.push(`Nothing recorded from ${formatDate(g.from)} to ${formatDate(g.to)}: HCPC asks you to explain gaps of three months or more.`);
  if (r.renewal && !r.inRenewalWindow && r.period) notes.push(`Renewal opens ${formatDate(r.renewal.from)}.`);
  return notes;
}

/** One line under a record's title: kind, hours, codes, and what it has. */
export function recordDetail(r: CpdRecord): string {
  const parts = [activityLabel(r.activityType), r.participatoryHours > 0 ? `${hours(r.hours)} (${r.participatoryHours} with others)` : hours(r.hours), r.codes.join(', ')];
  if (hasReflection(r)) parts.push('reflection');
  if (hasPeerReflection(r)) parts.push(`peer reflection (${professionLabelOrOther(r.peer!.profession)})`);
  if (r.includesFeedback) parts.push('feedback');
  return parts.join(' · ');
}

export function professionLabelOrOther(code: string): string {
  return code === 'other' ? 'another profession' : professionLabel(code);
}

/** The record as sections of text: what the export writes out. */
export function recordSections(r: CpdRecord): { heading: string; text: string }[] {
  return [
    { heading: 'Common Core', text: r.codes.map(describeCode).join('; ') },
    ...reflectionPrompts(r.reflectionModel).filter(([k]) => r.reflection[k]).map(([k, p]) => ({ heading: promptText(p), text: r.reflection[k]! })),
    { heading: 'Impact on my practice', text: r.impactPractice },
    { heading: 'Impact on children, young people and families', text: r.impactPeople },
    ...(r.peer ? [{ heading: `Peer reflection: ${r.peer.name}, ${professionLabelOrOther(r.peer.profession)}`, text: r.peerReflection }] : []),
  ].filter((s) => s.text);
}
