// Checks a card the way Teams' renderer would: parsed by the adaptivecards SDK with no warnings or
// validation failures, schema version at most 1.5, under Teams' size limit.
import { createRequire } from 'node:module';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

export const MAX_CARD_BYTES = 80 * 1024;

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  if (Buffer.byteLength(json, 'utf8') >= MAX_CARD_BYTES) problems.push(`card is ${Buffer.byteLength(json, 'utf8')} bytes (limit ${MAX_CARD_BYTES})`);
  const c = card as { type?: unknown; version?: unknown };
  if (c?.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  const [major, minor] = String(c?.version ?? '').split('.').map(Number);
  if (!(major === 1 && minor !== undefined && minor <= 5)) problems.push(`version ${String(c?.version)} is not 1.0–1.5`);

  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card as never, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of adaptive.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
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
