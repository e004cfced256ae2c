// L&D's plan for the year, decided: commissioning lines drawn from the plan's priorities (what, for
// whom, who delivers, places, cost, budget line, status), learning offers made from them, and the
// budget they come out of. Only L&D change it (the callers' audience), each line only over the
// version they saw.
import { z } from 'zod';
import { CODES, describeCode } from '../../core/commonCore';
import type { Priority } from '../../core/orgPlan';
import { canMove, LINE_STATUS_LABELS, LINE_STATUSES, type Budget, type CommissionLine, type LineField, type LineStatus, type LineValues } from '../../core/commissioning';
import { OFFER_FORMAT_CODES, type OfferFormat, type OfferValues } from '../../core/offers';
import { PROFESSION_CODES } from '../../core/workforce';
import type { StoredBudget, StoredLine } from '../../store/commissioning';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';
import { choice, choices, messagesOf, number, picked, pounds, text } from '../fields';
import { currentYear } from './agreements';

export const lineInput = z.object({
  title: text('What it is', { max: 120, required: true, noLinks: true }),
  code: choice('Priority it answers', CODES),
  format: choice('Format', OFFER_FORMAT_CODES),
  professions: choices('For professions', PROFESSION_CODES),
  services: picked('For services', { max: 40 }),
  teams: picked('For teams', { max: 200 }),
  registration: choice('Registered with a regulator', ['any', 'registered', 'unregistered']),
  providerKind: choice('Delivered by', ['internal', 'external']),
  providerPeople: picked('Staff who deliver it', { max: 20 }),
  providerName: text('External provider', { max: 120, noLinks: true }),
  places: number('Places', { min: 1, max: 10_000, required: true }).refine((n) => Number.isInteger(n), 'Places must be a whole number.'),
  estimated: pounds('Estimated cost', { required: true }),
  budgetLine: text('Budget line', { max: 80, required: true, noLinks: true }),
} satisfies Record<LineField, z.ZodType>).loose();

type LineDeps = Pick<AppDeps, 'commissioning' | 'people' | 'planPolicy' | 'clock' | 'newId' | 'log'>;

/** Creates a line (lineId null) or changes one over the version the form showed (`seenEtag`). */
export async function saveLine(
  deps: LineDeps, tenantId: string, by: string, lineId: string | null, seenEtag: string | null, raw: unknown, today: string,
): Promise<{ invalid: string[] } | { line: StoredLine }> {
  const parsed = lineInput.safeParse(raw);
  if (!parsed.success) return { invalid: messagesOf(parsed.error) };
  const i = parsed.data;
  const problems: string[] = [];
  if (i.providerKind === 'external' && !i.providerName) problems.push('Name the external provider, or choose "staff of ours".');
  if (i.providerKind === 'internal' && i.providerPeople.length === 0) problems.push('Choose the staff who deliver it, or choose an external provider.');
  const [teams, people] = await Promise.all([deps.people.rosterTeams(tenantId), deps.people.list(tenantId)]);
  if (i.teams.some((t) => !teams.includes(t))) problems.push('For teams: choose from the list.');
  const services = new Set(people.filter((p) => p.status === 'active').map((p) => p.service).filter(Boolean));
  if (i.services.some((s) => !services.has(s))) problems.push('For services: choose from the list.');
  const active = new Set(people.filter((p) => p.status === 'active').map((p) => p.aadObjectId));
  if (i.providerPeople.some((id) => !active.has(id))) problems.push('Staff who deliver it: choose from the list.');
  if (problems.length > 0) return { invalid: problems };

  const year = currentYear(deps, today).start;
  const seen = lineId ? await deps.commissioning.getLine(tenantId, year, lineId) : undefined;
  if (lineId && (!seen || seen.etag !== seenEtag)) return { invalid: ['Someone changed this line at the same time. Look at it again, then save.'] };
  const now = deps.clock.now().toISOString();
  const line: CommissionLine = {
    tenantId, year, lineId: lineId ?? deps.newId(), code: i.code, title: i.title, format: i.format as OfferFormat, professions: i.professions,
    services: i.services, teams: i.teams, registration: i.registration as CommissionLine['registration'],
    provider: i.providerKind === 'internal' ? { kind: 'internal', people: i.providerPeople } : { kind: 'external', name: i.providerName },
    places: i.places, estimatedPence: i.estimated!, actualPence: seen?.actualPence ?? null, budgetLine: i.budgetLine,
    status: seen?.status ?? 'proposed', offerIds: seen?.offerIds ?? [], createdBy: seen?.createdBy ?? by, createdAt: seen?.createdAt ?? now, updatedAt: now,
  };
  return saved(deps, line, seen ?? null);
}

async function saved(deps: Pick<AppDeps, 'commissioning' | 'log'>, line: CommissionLine, seen: StoredLine | null): Promise<{ invalid: string[] } | { line: StoredLine }> {
  try {
    const result = await deps.commissioning.saveLine(line, seen);
    deps.log.info('commissioning.saved', { status: line.status });
    return { line: result };
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    return { invalid: ['Someone changed this line at the same time. Look at it again, then save.'] };
  }
}

/** Moves a line on (or back one step); a delivered line may record what it actually cost. */
export async function moveLine(
  deps: Pick<AppDeps, 'commissioning' | 'clock' | 'log'>, line: StoredLine, to: string, actualPence: number | null,
): Promise<{ invalid: string[] } | { line: StoredLine }> {
  if (!(LINE_STATUSES as readonly string[]).includes(to)) return { invalid: ['Choose a status from the list.'] };
  const status = to as LineStatus;
  if (status !== line.status && !canMove(line.status, status)) return { invalid: [`A line moves one step at a time: from ${LINE_STATUS_LABELS[line.status]} to ${LINE_STATUS_LABELS[LINE_STATUSES[LINE_STATUSES.indexOf(line.status) + 1] ?? line.status]}.`] };
  return saved(deps, { ...line, status, actualPence: actualPence ?? line.actualPence, updatedAt: deps.clock.now().toISOString() }, line);
}

/** A new line's values when it is commissioned from a priority of the org plan: its area, named, and the way most would learn it. */
export function lineFromPriority(p: Pick<Priority, 'code' | 'activity'>): Partial<LineValues> {
  const format = p.activity && (OFFER_FORMAT_CODES as readonly string[]).includes(p.activity) ? p.activity : 'bite_size_workshop';
  return { code: p.code, title: describeCode(p.code).replace(/^\S+\s/, ''), format };
}

/** The offer composer's values for an offer made from this line: its priority, audience, format and places. */
export function offerValuesFor(line: CommissionLine, teamsInServices: readonly string[]): Partial<OfferValues> {
  const teams = [...new Set([...line.teams, ...teamsInServices])];
  return {
    title: line.title, format: line.format, codes: line.code, professions: line.professions.join(','), teams: teams.join(','),
    registration: line.registration, capacity: String(line.places),
  };
}

/** Roster teams whose members are in these services: how a line "for a service" becomes an offer's audience. */
export async function teamsInServices(deps: Pick<AppDeps, 'people'>, tenantId: string, services: readonly string[]): Promise<string[]> {
  if (services.length === 0) return [];
  const people = await deps.people.list(tenantId);
  return [...new Set(people.filter((p) => p.status === 'active' && services.includes(p.service)).map((p) => p.team))].sort();
}

/** An offer sent from a line joins it, and an agreed line becomes offered. */
export async function offerSentFromLine(deps: Pick<AppDeps, 'commissioning' | 'clock' | 'log'>, tenantId: string, ref: { year: string; lineId: string }, offerId: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const line = await deps.commissioning.getLine(tenantId, ref.year, ref.lineId);
    if (!line || line.offerIds.includes(offerId)) return;
    const outcome = await saved(deps, { ...line, offerIds: [...line.offerIds, offerId], status: line.status === 'proposed' || line.status === 'agreed' ? 'offered' : line.status, updatedAt: deps.clock.now().toISOString() }, line);
    if ('line' in outcome) return;
  }
}

export async function setBudget(
  deps: Pick<AppDeps, 'commissioning' | 'planPolicy' | 'clock'>, tenantId: string, by: string, lines: { name: string; pence: number }[], seenEtag: string | null, today: string,
): Promise<{ invalid: string[] } | { budget: StoredBudget }> {
  const names = lines.map((l) => l.name.trim());
  if (names.some((n) => !n || n.length > 80)) return { invalid: ['Each budget line needs a name of up to 80 characters.'] };
  if (new Set(names).size !== names.length) return { invalid: ['Each budget line once: two have the same name.'] };
  const year = currentYear(deps, today).start;
  const seen = await deps.commissioning.getBudget(tenantId, year);
  if ((seen?.etag ?? null) !== seenEtag) return { invalid: ["Someone changed this year's budget at the same time. Look at it again, then save."] };
  const budget: Budget = { tenantId, year, lines: lines.map((l) => ({ name: l.name.trim(), pence: l.pence })), updatedBy: by, updatedAt: deps.clock.now().toISOString() };
  try {
    return { budget: await deps.commissioning.saveBudget(budget, seen ?? null) };
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    return { invalid: ["Someone changed this year's budget at the same time. Look at it again, then save."] };
  }
}
