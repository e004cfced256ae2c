// A team's priorities for the year on a card: what is agreed (and by whom), the team's self-ratings
// beside the organisation's, and for the team's manager the form to agree them — up to the policy's
// number of areas or sub-headings, each with why and a target term.
import template from './templates/teamAgreement.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { plain } from '../core/text';
import { banner, formBanner } from './fragments';
import { expand } from './render';

export interface AgreementRow {
  code: string;
  why: string;
  term: string;
}

export interface TeamAgreementCardData {
  cardId: string;
  year: string;
  team: string;
  status: string;
  current: { heading: string; why: string }[];
  ratings: { title: string; value: string }[];
  ratingsNote: string;
  suggested: string;
  /** The form, for the team's manager only; null for anyone else (with why, in `notLead`). */
  form: { rows: AgreementRow[]; codes: { code: string; label: string }[]; terms: string[]; agreeTitle: string } | null;
  notLead: string;
  errors: readonly string[];
  note: string;
  footer: string;
}

export function teamAgreementCard(d: TeamAgreementCardData): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId,
    eyebrow: `Team priorities for ${d.year}`,
    title: `${plain(d.team)}: what the team will learn this year`,
    status: d.status,
    banner: formBanner(d.errors, banner('good', d.note)),
    current: d.current.map((c) => ({ heading: c.heading, why: plain(c.why) })),
    ratings: d.ratings,
    ratingsNote: d.ratingsNote,
    suggested: d.suggested,
    notLead: d.notLead,
    editable: d.form !== null,
    formHeading: 'Agree the team\'s priorities',
    formHint: 'Choose up to the number of rows here, most important first; leave the rest empty. Each member sees these in their plan, and the team\'s channel digest leads with them, so write the why for the whole team to read.',
    rows: (d.form?.rows ?? []).map((r, i) => ({ n: i + 1, code: r.code, why: r.why, term: r.term })),
    codes: d.form?.codes ?? [],
    terms: d.form?.terms ?? [],
    agreeTitle: d.form?.agreeTitle ?? '',
    footer: d.footer,
  });
}
