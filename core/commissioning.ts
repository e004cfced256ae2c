// The organisation's L&D plan for the year, as L&D decide it: commissioning lines (what, for whom,
// who delivers, places, cost, budget line, status) drawn from the plan's priorities, and the budget
// they come out of. Money is held in whole pence.
import type { IsoDate } from './calendar';
import type { OfferFormat } from './offers';
import type { Profession } from './workforce';

export const LINE_STATUSES = ['proposed', 'agreed', 'offered', 'delivered', 'evaluated'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_STATUS_LABELS: Record<LineStatus, string> = { proposed: 'Proposed', agreed: 'Agreed', offered: 'Offered', delivered: 'Delivered', evaluated: 'Evaluated' };

/** What L&D fill in for a line, on the card or in the tab. */
export const LINE_FIELDS = [
  'title', 'code', 'format', 'professions', 'services', 'teams', 'registration', 'providerKind', 'providerPeople', 'providerName', 'places', 'estimated', 'budgetLine',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];
export type LineValues = Record<LineField, string>;

/** Which way a line may move: on to the next status, or back one (a mistake corrected). */
export function canMove(from: LineStatus, to: LineStatus): boolean {
  const a = LINE_STATUSES.indexOf(from);
  const b = LINE_STATUSES.indexOf(to);
  return Math.abs(a - b) === 1;
}

/** Committed money: lines agreed and beyond. Spent: lines delivered or evaluated (at their actual cost if given). */
export const isCommitted = (s: LineStatus) => s !== 'proposed';
export const isSpent = (s: LineStatus) => s === 'delivered' || s === 'evaluated';

export interface CommissionLine {
  tenantId: string;
  /** The organisation's year (its first day). */
  year: IsoDate;
  lineId: string;
  /** The priority it answers: a Common Core area or sub-heading. */
  code: string;
  title: string;
  format: OfferFormat;
  professions: Profession[];
  services: string[];
  teams: string[];
  registration: 'any' | 'registered' | 'unregistered';
  provider: { kind: 'internal'; people: string[] } | { kind: 'external'; name: string };
  places: number;
  estimatedPence: number;
  /** What it cost once delivered; null until then (the estimate counts). */
  actualPence: number | null;
  budgetLine: string;
  status: LineStatus;
  /** Learning offers made from it. */
  offerIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Budget {
  tenantId: string;
  year: IsoDate;
  /** Named budget lines (a training grant, a service's budget) and what each holds, in pence. */
  lines: { name: string; pence: number }[];
  updatedBy: string;
  updatedAt: string;
}

export const lineCost = (l: Pick<CommissionLine, 'estimatedPence' | 'actualPence' | 'status'>) => (isSpent(l.status) && l.actualPence !== null ? l.actualPence : l.estimatedPence);

export interface BudgetSummary {
  total: number;
  committed: number;
  spent: number;
  byLine: { name: string; pence: number; committed: number; spent: number }[];
}

export function summariseBudget(budget: Pick<Budget, 'lines'> | undefined, lines: readonly CommissionLine[]): BudgetSummary {
  const names = [...new Set([...(budget?.lines ?? []).map((l) => l.name), ...lines.map((l) => l.budgetLine)])];
  const byLine = names.map((name) => {
    const mine = lines.filter((l) => l.budgetLine === name);
    return {
      name,
      pence: budget?.lines.find((b) => b.name === name)?.pence ?? 0,
      committed: mine.filter((l) => isCommitted(l.status)).reduce((n, l) => n + lineCost(l), 0),
      spent: mine.filter((l) => isSpent(l.status)).reduce((n, l) => n + lineCost(l), 0),
    };
  });
  return { total: byLine.reduce((n, b) => n + b.pence, 0), committed: byLine.reduce((n, b) => n + b.committed, 0), spent: byLine.reduce((n, b) => n + b.spent, 0), byLine };
}

/** "£1,250" (or "£1,250.50" when there are pence). */
export function formatPounds(pence: number): string {
  const pounds = pence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}
