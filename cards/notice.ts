import template from './templates/notice.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { toneOf } from './fragments';
import { expand } from './render';

export interface NoticeCardData {
  title: string;
  lines: string[];
  facts?: { title: string; value: string }[];
  tone?: 'default' | 'good' | 'attention';
  /** Quick replies: each sends its command as if typed. */
  buttons?: { title: string; command: string }[];
  /** Links that open in the browser (downloads). */
  links?: { title: string; url: string }[];
  /** Buttons that act on this (issued) card. */
  executes?: { title: string; verb: string; cardId: string }[];
}

/** A read-only card: what a card becomes once it has been answered, and short confirmations. */
export function noticeCard(data: NoticeCardData): AdaptiveCardJson {
  return expand(template, { title: data.title, lines: data.lines, facts: data.facts ?? [], tone: toneOf(data.tone ?? 'default'), buttons: data.buttons ?? [], links: data.links ?? [], executes: data.executes ?? [] });
}
