// A person's CPD record as documents they can give their regulator: Markdown to read and print,
// CSV for a spreadsheet or the regulator's own form. Only ever one person's data.
import { activityLabel } from '../core/activities';
import { formatDate, type IsoDate } from '../core/calendar';
import { REFLECTION_MODELS, reflectionPrompts, type CpdRecord } from '../core/cpd';
import { NEED_STATUS_LABELS, type LearningNeed } from '../core/needs';
import { nameOf, roleOf, type Person } from '../core/people';
import type { Readiness } from '../core/registration';
import { registrationLabel } from '../core/workforce';
import { checkFacts, headline, periodLine, professionLabelOrOther, readinessNotes, recordSections } from '../views/cpd';
import { groupByStatus, needDetails, needHeading } from '../views/plan';

export interface CpdDocument {
  person: Person;
  /** Newest first or not: the documents sort them. */
  records: readonly CpdRecord[];
  /** The current plan year's needs. */
  plan: readonly LearningNeed[];
  /** Every need the person has had, so a record names the needs it met in any year. */
  allNeeds: readonly LearningNeed[];
  readiness: Readiness;
  today: IsoDate;
}

/**
 * Text someone typed, kept as they wrote it: nothing in it can become a heading, list, quote,
 * code block, link or HTML. Each line loses its indent (four spaces would start a code block) and
 * any mark that would start a block is escaped; line breaks are kept.
 */
function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .split(/\r?\n/)
    .map((line) => line.trimStart().replace(/^(#|>|-|\+|=|(\d+)([.)]))/, (m, _all, digits?: string, mark?: string) => (digits ? `${digits}\\${mark}` : `\\${m}`)))
    .join('  \n');
}

const newestFirst = (records: readonly CpdRecord[]) => [...records].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));

export function cpdMarkdown(d: CpdDocument): string {
  const { person, readiness } = d;
  const out: string[] = [];
  out.push(`# CPD record: ${mdText(nameOf(person))}`, '');
  const registration = person.registrationBody === 'none' ? 'not registered with a regulator' : `${registrationLabel(person.registrationBody)}${person.registrationNumber ? ` ${mdText(person.registrationNumber)}` : ''}`;
  out.push(`${mdText(roleOf(person))} · ${registration}  `, `Produced by Weave on ${formatDate(d.today)}.`, '');

  out.push('## Registration', '', periodLine(readiness), '', `**${headline(readiness).text}**`, '');
  for (const f of checkFacts(readiness)) out.push(`- ${f.title}: ${f.value}`);
  for (const n of readinessNotes(readiness)) out.push(`- ${n}`);
  out.push('');

  out.push('## Learning Development Plan', '');
  if (d.plan.length === 0) out.push('No learning needs in the current plan year.', '');
  for (const group of groupByStatus(d.plan)) {
    out.push(`### ${group.heading}`, '');
    for (const need of group.needs) {
      out.push(`- **${needHeading(need)}**: ${mdText(need.description)}`);
      for (const line of needDetails(need, d.today, 'you')) out.push(`  - ${mdText(line)}`);
    }
    out.push('');
  }

  const records = newestFirst(d.records);
  out.push(`## CPD activities (${records.length})`, '');
  if (records.length === 0) out.push('Nothing recorded yet.', '');
  for (const r of records) {
    out.push(`### ${formatDate(r.date)}: ${mdText(r.title)}`, '');
    out.push(`- Kind of learning: ${activityLabel(r.activityType)}`);
    out.push(`- Hours: ${r.hours}${r.participatoryHours > 0 ? `, of which ${r.participatoryHours} with others` : ''}`);
    out.push(`- Reflection: ${REFLECTION_MODELS[r.reflectionModel].label}`);
    if (r.includesFeedback) out.push('- Included feedback on my practice');
    if (r.reflectiveDiscussion) out.push('- A reflective discussion with another registrant');
    out.push('');
    for (const s of recordSections(r)) out.push(`**${mdText(s.heading)}**`, '', mdText(s.text), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const CSV_COLUMNS = [
  'date', 'title', 'kind_of_learning', 'hours', 'participatory_hours', 'common_core', 'reflection_model', 'reflection',
  'impact_on_practice', 'impact_on_people', 'peer_name', 'peer_profession', 'peer_reflection', 'included_feedback',
  'reflective_discussion', 'linked_needs', 'recorded_at',
] as const;

/** A cell a spreadsheet shows as typed: quoted, and never run as a formula. */
function cell(value: string | number | boolean): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function cpdCsv(d: CpdDocument): string {
  const needs = new Map(d.allNeeds.map((n) => [n.needId, n]));
  const rows = newestFirst(d.records).map((r) => {
    const reflection = reflectionPrompts(r.reflectionModel).filter(([k]) => r.reflection[k]).map(([k, p]) => `${p.name}${p.name.endsWith('?') ? '' : ':'} ${r.reflection[k]}`).join('\n\n');
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | boolean> = {
      date: r.date, title: r.title, kind_of_learning: activityLabel(r.activityType), hours: r.hours, participatory_hours: r.participatoryHours,
      common_core: r.codes.join('; '), reflection_model: REFLECTION_MODELS[r.reflectionModel].label, reflection,
      impact_on_practice: r.impactPractice, impact_on_people: r.impactPeople, peer_name: r.peer?.name ?? '',
      peer_profession: r.peer ? professionLabelOrOther(r.peer.profession) : '', peer_reflection: r.peerReflection,
      included_feedback: r.includesFeedback ? 'yes' : 'no', reflective_discussion: r.reflectiveDiscussion ? 'yes' : 'no',
      linked_needs: r.needIds.map((id) => needs.get(id)).filter((n): n is LearningNeed => !!n).map((n) => `${n.description} (${NEED_STATUS_LABELS[n.status]})`).join('; '),
      recorded_at: r.createdAt,
    };
    return CSV_COLUMNS.map((c) => cell(values[c])).join(',');
  });
  // A byte-order mark, so spreadsheet programs read the UTF-8 (names with accents) correctly.
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
