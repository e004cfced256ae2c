// L&D's plan for the year on cards: the commissioning lines and budget, and one line — what it is,
// for whom, who delivers it, what it has offered and cost — with what can be done to it next.
import lineTemplate from './templates/commissionLine.json' with { type: 'json' };
import yearTemplate from './templates/yearPlan.json' with { type: 'json' };
import inputsTemplate from './templates/fragments/lineInputs.json' with { type: 'json' };
import type { LineValues } from '../core/commissioning';
import type { AdaptiveCardJson } from '../core/conversation';
import { clip, plain } from '../core/text';
import { banner, formBanner } from './fragments';
import { largestThatFits } from './fit';
import { COMPOSER_CHOICES } from './offers';
import { expand } from './render';

export interface LineFormChoices {
  services: readonly string[];
  teams: readonly string[];
  staff: readonly { id: string; label: string }[];
  budgetLines: readonly string[];
}

/** A budget line named on a line but since renamed stays choosable, so saving does not change it unasked. */
function lineInputs(values: LineValues, choices: LineFormChoices): object {
  const budgetLines = choices.budgetLines.length > 0 && values.budgetLine && !choices.budgetLines.includes(values.budgetLine) ? [...choices.budgetLines, values.budgetLine] : choices.budgetLines;
  return expand(inputsTemplate, {
    values, codes: COMPOSER_CHOICES.codes, formats: COMPOSER_CHOICES.formats, professions: COMPOSER_CHOICES.professions, registration: COMPOSER_CHOICES.registration,
    services: choices.services, teams: choices.teams, staff: choices.staff.map((s) => ({ id: s.id, label: clip(plain(s.label), 80) })), budgetLines,
  });
}

export interface CommissionLineCardData {
  cardId: string;
  year: string;
  title: string;
  status: string;
  facts: { title: string; value: string }[];
  /** The form shown open (a new line, or a change refused); otherwise behind Change it. */
  editing: boolean;
  values: LineValues;
  choices: LineFormChoices;
  canOffer: boolean;
  moves: { to: string; title: string }[];
  /** Moving on to delivered asks what it cost: the button's title, or '' when it cannot move there. */
  deliver: string;
  /** The line's version as shown: saving or moving it is refused if it has changed since. */
  etag?: string;
  errors: readonly string[];
  note: string;
}

export function commissionLineCard(d: CommissionLineCardData): AdaptiveCardJson {
  return expand(lineTemplate, {
    cardId: d.cardId,
    eyebrow: `Commissioning line · ${d.year}`,
    title: plain(d.title),
    status: d.status,
    banner: formBanner(d.errors, banner('good', d.note)),
    facts: d.facts.map((f) => ({ title: f.title, value: plain(f.value) })),
    editing: d.editing,
    formHint: 'Only L&D see commissioning lines. An offer made from the line keeps to it, so the line counts the places it offered, booked and attended.',
    form: lineInputs(d.values, d.choices),
    canOffer: d.canOffer,
    moves: d.moves,
    deliver: d.deliver,
    actual: '',
    etag: d.etag ?? '',
  });
}

export interface YearPlanLine {
  id: string;
  title: string;
  details: string[];
}

export interface YearPlanCardData {
  cardId: string;
  year: string;
  teams: string;
  budget: { title: string; value: string }[] | null;
  budgetLines: { title: string; value: string }[];
  /** The budget form's rows: what is set, and empty rows to add more. */
  budgetRows: { name: string; pounds: string }[];
  lines: YearPlanLine[];
  /** The budget's version as shown ('' when none is set). */
  budgetEtag: string;
  downloadUrl: string;
  errors: readonly string[];
  note: string;
}

/** At most this many lines, fewer if they do not fit; the tab has all of them. */
export const LINES_ON_CARD = 30;

export function yearPlanCard(d: YearPlanCardData): AdaptiveCardJson {
  return largestThatFits(LINES_ON_CARD, (count) => expand(yearTemplate, {
    cardId: d.cardId,
    eyebrow: `L&D plan for ${d.year}`,
    teams: d.teams,
    banner: formBanner(d.errors, banner('good', d.note)),
    noBudget: d.budget ? '' : 'No budget set for the year yet.',
    budget: d.budget ?? [],
    budgetLines: d.budgetLines.map((b) => ({ title: plain(b.title), value: b.value })),
    budgetRows: d.budgetRows.map((r, i) => ({ n: i + 1, name: r.name, pounds: r.pounds })),
    linesHeading: `Commissioning lines (${d.lines.length})`,
    lines: d.lines.slice(0, count).map((l) => ({ id: l.id, title: plain(l.title), details: l.details.map(plain) })),
    more: count < d.lines.length ? `Showing ${count} of ${d.lines.length} lines: all of them are on the Plans tab (Organisation).` : '',
    budgetEtag: d.budgetEtag,
    downloadUrl: d.downloadUrl,
  }));
}
