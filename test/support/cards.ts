// Checks a card the way Teams' renderer would: parsed by the adaptivecards SDK with no warnings or
// validation failures, schema version at most 1.5, under Teams' size limit.
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { teamsSizeOf } from '../../cards/fit';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/**
 * Teams refuses a bot message over about 100 KB counted in UTF-16, and asks for 80 KB to be sure
 * (docs: "Format your bot messages"). JSON.stringify's length is in UTF-16 code units.
 */
export const MAX_CARD_BYTES = 80 * 1024;

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const size = teamsSizeOf(card);
  if (size >= MAX_CARD_BYTES) problems.push(`card is ${size} bytes in UTF-16 (limit ${MAX_CARD_BYTES})`);
  const c = card as { type?: unknown; version?: unknown };
  if (c?.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  const [major, minor] = (typeof c?.version === 'string' ? c.version : '').split('.').map(Number);
  if (!(major === 1 && minor !== undefined && minor <= 5)) problems.push(`version ${String(c?.version)} is not 1.0–1.5`);

  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const message = context.getEventAt(i).message;
    // Teams renders chart elements the SDK does not know; those are checked below instead.
    if (/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(message)) continue;
    problems.push(`parse: ${message}`);
  }
  problems.push(...chartProblems(card));
  for (const event of adaptive.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Teams' chart elements, as its documentation describes them; each needs a fallback for clients without charts. */
function chartProblems(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(chartProblems);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const problems = Object.values(o).flatMap(chartProblems);
  if (typeof o.type === 'string' && o.type.startsWith('Chart.')) {
    if (!['Chart.HorizontalBar', 'Chart.VerticalBar', 'Chart.Pie', 'Chart.Donut'].includes(o.type)) problems.push(`chart: ${o.type} is not a chart this app draws`);
    if (!o.fallback || typeof o.fallback !== 'object') problems.push(`chart: ${o.type} has no fallback for clients without charts`);
    const data = o.data as unknown[];
    if (!Array.isArray(data) || data.length === 0) problems.push(`chart: ${o.type} has no data`);
    else if (!data.every((d) => d && typeof (d as { x?: unknown }).x === 'string' && typeof (d as { y?: unknown }).y === 'number')) problems.push(`chart: ${o.type} data points need x (text) and y (a number)`);
    // Teams draws an axis of its own choosing, ticks at 0.33 and 0.67 for small counts of people: counts show their values instead.
    else if (o.type === 'Chart.HorizontalBar' && data.every((d) => Number.isInteger((d as { y: number }).y)) && o.displayMode !== 'AbsoluteNoAxis') problems.push(`chart: ${o.type} of whole numbers needs displayMode AbsoluteNoAxis, or its axis shows fractions`);
  }
  return problems;
}

export function assertValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0) throw new Error(`invalid Adaptive Card:\n  ${problems.join('\n  ')}\n${JSON.stringify(card).slice(0, 2000)}`);
}

/** Every piece of text a card would show, for assertions about what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(key)) out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The card id any of a card's actions carries (they may sit inside ShowCards). */
export const cardIdIn = (card: unknown): string => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;

/** The data an Action.Execute button (for this need, if given) carries: what Teams sends when it is pressed. */
export function pressed(card: unknown, verb: string, needId?: string): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const data = needId ? found.find((d) => d.needId === needId) : found[0];
  if (!data) throw new Error(`no ${verb} button${needId ? ` for ${needId}` : ''} on the card`);
  return data;
}

const isShown = (o: Record<string, unknown>) => o.isVisible !== false;
const isHeading = (o: Record<string, unknown>) => o.type === 'TextBlock' && (o.weight === 'Bolder' || o.style === 'heading');

/** Calls `visit` on every element a person would see (isVisible false hides an element and all inside it). */
function eachShown(card: unknown, visit: (o: Record<string, unknown>) => void): void {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (!isShown(o)) return;
    visit(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
}

/** What no card may show anyone: a heading with nothing in it. */
export function contentProblems(card: unknown): string[] {
  const problems: string[] = [];
  eachShown(card, (o) => {
    if (isHeading(o) && typeof o.text === 'string' && !o.text.trim()) problems.push('an empty heading is showing');
  });
  return problems;
}

/** What a card must not show as it first arrives: on top of contentProblems, an error box ("Please fix these:"). */
export function openingProblems(card: unknown): string[] {
  const problems = contentProblems(card);
  eachShown(card, (o) => {
    if (o.type === 'Container' && o.style === 'attention') problems.push(`an error box is showing: ${cardText(o).slice(0, 120) || '(empty)'}`);
  });
  return problems;
}

/**
 * Template expressions left showing. Only meaningful where nobody typed "${…}" themselves: Weave
 * shows what people type literally, so a need called "${title}" is not a leftover.
 */
export function templateLeftovers(card: unknown): string[] {
  const problems: string[] = [];
  eachShown(card, (o) => {
    for (const value of Object.values(o)) if (typeof value === 'string' && /\$\{[^}]*\}/.test(value)) problems.push(`"${value.slice(0, 80)}" still holds a template expression`);
  });
  return problems;
}
