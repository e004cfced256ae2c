// Cards after a session: the supervisor says what happened at a supervision (and what was agreed);
// the person sees what was agreed and logs it as CPD; after an appraisal, the appraiser agrees or
// comments on next year's plan and the appraisee agrees it.
import outcomeTemplate from './templates/sessionOutcome.json' with { type: 'json' };
import recordTemplate from './templates/sessionRecord.json' with { type: 'json' };
import agreementTemplate from './templates/planAgreement.json' with { type: 'json' };
import confirmTemplate from './templates/planConfirm.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { plain } from '../core/text';
import { banner, COMMON_CORE_CHOICES, formBanner } from './fragments';
import { expand } from './render';

/** The outcome card's fixed inputs (the action slots' ids are action<n>Text, Owner, Due and Area): declared once for its template and schema. */
export const SESSION_OUTCOME_FIELDS = ['newDate', 'reason', 'confirmNotIdentifying'] as const;
export const ACTION_FIELDS = ['Text', 'Owner', 'Due', 'Area'] as const;
export const SESSION_RECORD_FIELDS = ['peerReflection', 'peerText'] as const;

export interface ActionValues {
  n: number;
  text: string;
  owner: string;
  due: string;
  area: string;
}

interface Header {
  cardId: string;
  /** A heading and line above it (a reminder). */
  note?: { heading: string; text: string } | null;
  eyebrow: string;
  title: string;
  subtitle: string;
  errors: readonly string[];
  warnings: readonly string[];
}

export function sessionOutcomeCard(d: Header & {
  actions: ActionValues[]; owners: { code: string; label: string }[]; actionsNote: string; footer: string; today: string; minDate: string;
}): AdaptiveCardJson {
  return expand(outcomeTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title), subtitle: d.subtitle,
    banner: formBanner([...d.errors, ...d.warnings], d.note ? banner('accent', d.note.heading, [d.note.text]) : undefined),
    actionsNote: d.actionsNote,
    actions: d.actions.map((a) => ({ ...a, text: plain(a.text) })),
    owners: d.owners, areas: COMMON_CORE_CHOICES, minDate: d.minDate, today: d.today,
    warned: d.warnings.length > 0,
    footer: d.footer,
  });
}

export function sessionRecordCard(d: {
  cardId: string; eyebrow: string; title: string; note: string; errors: readonly string[]; actions: string[]; cpd: string; canLog: boolean;
  peer: { title: string; label: string } | null; footer: string;
}): AdaptiveCardJson {
  return expand(recordTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title),
    banner: formBanner(d.errors, banner('good', d.note)),
    actions: d.actions.map(plain), cpd: d.cpd, canLog: d.canLog,
    peer: !!d.peer, peerTitle: d.peer?.title ?? '', peerLabel: d.peer?.label ?? '',
    footer: d.footer,
  });
}

export interface AgreementNeed {
  needId: string;
  codes: string;
  description: string;
  detail: string;
  decision: string;
  comment: string;
}

export function planAgreementCard(d: Header & { needs: AgreementNeed[]; empty: string; footer: string; submitTitle: string }): AdaptiveCardJson {
  return expand(agreementTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title), subtitle: d.subtitle,
    banner: formBanner(d.errors, d.note ? banner('accent', d.note.heading, [d.note.text]) : undefined),
    needs: d.needs.map((n) => ({ ...n, description: plain(n.description), comment: plain(n.comment) })),
    empty: d.empty, footer: d.footer, submitTitle: d.submitTitle,
  });
}

export function planConfirmCard(d: {
  cardId: string; eyebrow: string; title: string; subtitle: string; note: string; errors: readonly string[];
  items: { codes: string; description: string; view: string }[]; canAgree: boolean; footer: string;
}): AdaptiveCardJson {
  return expand(confirmTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title), subtitle: d.subtitle,
    banner: formBanner(d.errors, banner('good', d.note)),
    items: d.items.map((i) => ({ codes: i.codes, description: plain(i.description), view: plain(i.view) })),
    canAgree: d.canAgree, footer: d.footer,
  });
}
