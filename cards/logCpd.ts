// `log cpd`: one piece of learning for the CPD record, with a reflection in the model the person
// chose (What? So what? Now what? by default; Gibbs or Kolb).
import template from './templates/logCpd.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { promptText, REFLECTION_MODELS, REFLECTION_MODEL_CODES, reflectionPrompts, type ReflectionModel } from '../core/cpd';
import { PROFESSIONS } from '../core/workforce';
import { ACTIVITY_CHOICES, COMMON_CORE_CHOICES, formBanner } from './fragments';
import { expand } from './render';
import { plain } from '../core/text';

export const CPD_INPUTS = [
  'title', 'activityType', 'date', 'hours', 'participatoryHours', 'codes', 'needIds', 'impactPractice', 'impactPeople',
  'peerName', 'peerProfession', 'peerReflection', 'includesFeedback', 'reflectiveDiscussion',
] as const;
export type LogCpdValues = Record<(typeof CPD_INPUTS)[number], string>;

export const EMPTY_CPD_VALUES: LogCpdValues = Object.fromEntries(CPD_INPUTS.map((k) => [k, ''])) as LogCpdValues;

export interface LogCpdCardData {
  cardId: string;
  model: ReflectionModel;
  values: LogCpdValues;
  /** Answers to the model's prompts, by prompt key. */
  reflection: Record<string, string>;
  /** Open needs in the person's plan the learning could meet. */
  needs: { id: string; label: string }[];
  errors: readonly string[];
  /** What looked like it identifies someone; the card then asks them to confirm or edit. */
  warnings: readonly string[];
  nmc: boolean;
  today: string;
}

const PEER_PROFESSIONS = [...Object.entries(PROFESSIONS).map(([code, label]) => ({ code, label })), { code: 'other', label: 'Another profession' }];

export function logCpdCard(d: LogCpdCardData): AdaptiveCardJson {
  const model = REFLECTION_MODELS[d.model];
  return expand(template, {
    cardId: d.cardId,
    errors: formBanner(d.errors),
    warnings: d.warnings.map(plain),
    values: d.values,
    modelLabel: model.label,
    prompts: reflectionPrompts(d.model).map(([key, p]) => ({ key, label: promptText(p), value: d.reflection[key] ?? '' })),
    otherModels: REFLECTION_MODEL_CODES.filter((m) => m !== d.model).map((code) => ({ code, label: REFLECTION_MODELS[code].label })),
    needs: d.needs.map((n) => ({ id: n.id, label: n.label.length > 120 ? `${n.label.slice(0, 117)}…` : n.label })),
    areas: COMMON_CORE_CHOICES,
    activities: ACTIVITY_CHOICES,
    professions: PEER_PROFESSIONS,
    nmc: d.nmc,
    today: d.today,
  });
}
