// What someone wrote to prepare for a session, read-only: as they see it (with Edit until the
// session) and as their supervisor sees it. Their words are shown as plain text runs, never Markdown.
import template from './templates/sessionAnswers.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { toneOf } from './fragments';
import { expand } from './render';

export interface AnswerSection {
  heading: string;
  paragraphs: string[];
}

export interface SessionAnswersData {
  eyebrow: string;
  title: string;
  status: string;
  tone: 'default' | 'good' | 'attention';
  sections: AnswerSection[];
  footer: string;
  /** An Edit button (for the person, until the session), or none. */
  edit: { cardId: string; verb: string } | null;
}

export function sessionAnswersCard(d: SessionAnswersData): AdaptiveCardJson {
  return expand(template, {
    eyebrow: d.eyebrow,
    title: d.title,
    status: d.status,
    statusTone: toneOf(d.tone),
    sections: d.sections.filter((s) => s.paragraphs.length > 0),
    footer: d.footer,
    actions: d.edit ? [{ title: 'Edit my answers', verb: d.edit.verb, cardId: d.edit.cardId }] : [],
  });
}
