// A CPD record: one piece of learning, with the reflection regulators ask for.
import type { ActivityType } from './activities';
import type { Profession } from './workforce';

export const REFLECTION_MODELS = {
  what: { label: 'What? So what? Now what?', prompts: { what: 'What? What happened, what you did', soWhat: 'So what? What it meant, what you learned', nowWhat: 'Now what? What you will do differently' } },
  gibbs: {
    label: "Gibbs' reflective cycle",
    prompts: {
      description: 'Description: what happened', feelings: 'Feelings: what you thought and felt', evaluation: 'Evaluation: what was good and bad',
      analysis: 'Analysis: what sense you can make of it', conclusion: 'Conclusion: what else you could have done', actionPlan: 'Action plan: what you would do next time',
    },
  },
  kolb: {
    label: "Kolb's learning cycle",
    prompts: {
      experience: 'Concrete experience: what happened', observation: 'Reflective observation: what you noticed',
      concepts: 'Abstract conceptualisation: what it taught you', experiment: 'Active experimentation: what you will try',
    },
  },
} as const;
export type ReflectionModel = keyof typeof REFLECTION_MODELS;
export const REFLECTION_MODEL_CODES = Object.keys(REFLECTION_MODELS) as [ReflectionModel, ...ReflectionModel[]];

export interface CpdRecord {
  tenantId: string;
  personId: string;
  recordId: string;
  activityType: ActivityType;
  title: string;
  date: string;
  hours: number;
  /** Hours spent learning with others (NMC counts these). */
  participatoryHours: number;
  codes: string[];
  needIds: string[];
  reflectionModel: ReflectionModel;
  /** Answers to the model's prompts, by prompt key. */
  reflection: Record<string, string>;
  impactPractice: string;
  impactPeople: string;
  /** A peer's reflection on the learning: another professional who knows the person's practice. */
  peer: { name: string; profession: Profession | 'other' } | null;
  peerReflection: string;
  /** It included feedback on the person's practice (from people who use services, or colleagues). */
  includesFeedback: boolean;
  /** A reflective discussion with another registrant (NMC revalidation). */
  reflectiveDiscussion: boolean;
  createdAt: string;
}

export function hasReflection(record: Pick<CpdRecord, 'reflection'>): boolean {
  return Object.values(record.reflection).some((v) => v.trim().length > 0);
}

export function hasPeerReflection(record: Pick<CpdRecord, 'peer' | 'peerReflection'>): boolean {
  return !!record.peer && record.peerReflection.trim().length > 0;
}
