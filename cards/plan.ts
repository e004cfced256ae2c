// A Learning Development Plan on a card: needs grouped by where they are. The person sees it with
// an Update action on each need; their line manager sees it with a Comment action instead. A long
// plan is cut short (views/planOnCard.ts): the card says how much it leaves out and where it is.
import template from './templates/plan.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { ACTIVITY_CHOICES, banner, formBanner } from './fragments';
import { expand } from './render';
import { plain } from '../core/text';

export interface PlanNeedView {
  /** What an action on it carries; the server looks it up among the plan owner's needs only. */
  needId: string;
  codes: string;
  description: string;
  lines: string[];
  /** The latest comments; the rest are counted in `earlierComments` ('' when there are none). */
  comments: string[];
  earlierComments: string;
  status: string;
  planActivity: string;
  planNote: string;
  planDate: string;
  dropReason: string;
  /** A manager's comment being written (kept when a save is refused). */
  comment: string;
}

export interface PlanCardData {
  cardId: string;
  title: string;
  subtitle: string;
  note: string | null;
  errors: readonly string[];
  /** `more`: how many of the group the card leaves out, and where they are ('' when none are). */
  groups: { heading: string; needs: PlanNeedView[]; more: string }[];
  /** What the card shows of a long plan and where the whole of it is ('' when it shows it all). */
  excerpt: string;
  mode: 'own' | 'manager';
  /** For a manager: the people whose plans they may see, and whose is shown. */
  picker: { reports: { id: string; label: string }[]; selected: string } | null;
  footer: string;
  /** Quick replies: each sends its command as if typed. */
  buttons: { title: string; command: string }[];
  /** "Agreed with Dana Hughes on …": the plan year's agreement at appraisal, or ''. */
  agreement?: string;
  /** What was agreed at the latest supervision: the person's own card only. */
  agreed?: { heading: string; lines: string[] } | null;
  /** The team's agreed priorities this year, those touching the person's own needs marked: own card only. */
  teamPriorities?: { heading: string; lines: string[] } | null;
}

export function planCard(d: PlanCardData): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId,
    title: plain(d.title),
    subtitle: plain(d.subtitle),
    banner: formBanner(d.errors, banner('good', d.note ?? '')),
    reports: d.picker?.reports ?? [],
    selected: d.picker?.selected ?? '',
    empty: d.groups.length === 0 && (d.mode === 'own' || d.picker?.selected) ? 'Nothing in this plan yet.' : '',
    excerpt: d.excerpt,
    groups: d.groups.map((g) => ({
      heading: g.heading,
      more: g.more,
      needs: g.needs.map((n) => ({ ...n, lines: n.lines.map(plain), editable: d.mode === 'own', commentable: d.mode === 'manager' })),
    })),
    activities: ACTIVITY_CHOICES,
    footer: d.footer,
    buttons: d.buttons,
    agreement: d.agreement ?? '',
    agreedHeading: d.agreed?.heading ?? '',
    agreed: (d.agreed?.lines ?? []).map(plain),
    teamPrioritiesHeading: d.teamPriorities?.heading ?? '',
    teamPriorities: (d.teamPriorities?.lines ?? []).map(plain),
  });
}
