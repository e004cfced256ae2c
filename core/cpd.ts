// A CPD record: one piece of learning, with the reflection regulators ask for.
import type { ActivityType } from './activities';
import type { Profession } from './workforce';

/** A prompt's name (a heading, and how validation messages refer to it) and what it asks. */
export interface ReflectionPrompt {
  name: string;
  asks: string;
}

const prompt = (name: string, asks: string): ReflectionPrompt => ({ name, asks });

export const REFLECTION_MODELS = {
  what: {
    label: 'What? So what? Now what?',
    prompts: { what: prompt('What?', 'What happened, what you did'), soWhat: prompt('So what?', 'What it meant, what you learned'), nowWhat: prompt('Now what?', 'What you will do differently') },
  },
  gibbs: {
    label: "Gibbs' reflective cycle",
    prompts: {
      description: prompt('Description', 'what happened'), feelings: prompt('Feelings', 'what you thought and felt'), evaluation: prompt('Evaluation', 'what was good and bad'),
      analysis: prompt('Analysis', 'what sense you can make of it'), conclusion: prompt('Conclusion', 'what else you could have done'), actionPlan: prompt('Action plan', 'what you would do next time'),
    },
  },
  kolb: {
    label: "Kolb's learning cycle",
    prompts: {
      experience: prompt('Concrete experience', 'what happened'), observation: prompt('Reflective observation', 'what you noticed'),
      concepts: prompt('Abstract conceptualisation', 'what it taught you'), experiment: prompt('Active experimentation', 'what you will try'),
    },
  },
} as const satisfies Record<string, { label: string; prompts: Record<string, ReflectionPrompt> }>;
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

/** The prompts of a model, in order. */
export function reflectionPrompts(model: ReflectionModel): [key: string, prompt: ReflectionPrompt][] {
  return Object.entries(REFLECTION_MODELS[model].prompts);
}

/** "What? What happened, what you did" or "Feelings: what you thought and felt". */
export function promptText(p: ReflectionPrompt): string {
  return `${p.name}${p.name.endsWith('?') ? ' ' : ': '}${p.asks}`;
}

/** What the registration rules need of a record: no words, just what it has. */
export interface CpdFacts extends Pick<CpdRecord, 'personId' | 'date' | 'codes' | 'activityType' | 'hours' | 'participatoryHours' | 'includesFeedback' | 'reflectiveDiscussion'> {
  reflected: boolean;
  peerReflected: boolean;
}

export function cpdFacts(r: CpdRecord): CpdFacts {
  return {
    personId: r.personId, date: r.date, codes: r.codes, activityType: r.activityType, hours: r.hours, participatoryHours: r.participatoryHours,
    includesFeedback: r.includesFeedback, reflectiveDiscussion: r.reflectiveDiscussion, reflected: hasReflection(r), peerReflected: hasPeerReflection(r),
  };
}

export function hasReflection(record: Pick<CpdRecord, 'reflection'>): boolean {
  return Object.values(record.reflection).some((v) => v.trim().length > 0);
}

export function hasPeerReflection(record: Pick<CpdRecord, 'peer' | 'peerReflection'>): boolean {
  return !!record.peer && record.peerReflection.trim().length > 0;
}
