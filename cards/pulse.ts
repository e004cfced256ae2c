// The integration pulse card: four statements, each one tap, sent anonymously; or "not now".
import template from './templates/pulse.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { AGREE_SCALE, STATEMENTS, type Statement } from '../core/pulse';
import { banner, formBanner } from './fragments';
import { expand } from './render';

/** The inputs the pulse card asks for: the statements' ids (the schema in bot/flows/pulse.ts is typed against them). */
export const PULSE_FIELDS: readonly Statement[] = STATEMENTS;

export interface PulseCardData {
  cardId: string;
  eyebrow: string;
  title: string;
  intro: string;
  /** Still to answer: the statements are shown. */
  open: boolean;
  /** They said not now: the button goes, the form stays. */
  notNow: boolean;
  statements: Record<Statement, string>;
  values: Partial<Record<Statement, string>>;
  errors: readonly string[];
  note: string;
  notice?: { heading: string; text: string };
  footer: string;
}

export function pulseCard(d: PulseCardData): AdaptiveCardJson {
  const otherwise = d.notice ? banner('accent', d.notice.heading, [d.notice.text]) : banner('good', d.note);
  return expand(template, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: d.title, intro: d.intro, open: d.open, notNow: d.notNow,
    banner: formBanner(d.errors, otherwise),
    scale: AGREE_SCALE.map((s) => ({ title: s.label, value: String(s.value) })),
    understandText: `1. ${d.statements.understand}`,
    contactText: `2. ${d.statements.contact}`,
    valuedText: `3. ${d.statements.valued}`,
    learnedText: `4. ${d.statements.learned}`,
    understand: d.values.understand ?? '', contact: d.values.contact ?? '', valued: d.values.valued ?? '', learned: d.values.learned ?? '',
    footer: d.footer,
  });
}
