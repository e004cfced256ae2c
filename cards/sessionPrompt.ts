// The cards that prepare someone for supervision, appraisal or a mid-year review.
import supervisionTemplate from './templates/supervisionPrompt.json' with { type: 'json' };
import appraisalTemplate from './templates/appraisalPrompt.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { BARRIERS } from '../core/appraisal';
import { COMMON_CORE } from '../core/commonCore';
import { banner, formBanner, needInputs, promptActions, wellbeingInputs, type NeedValues, type PromptVerbs } from './fragments';
import { expand } from './render';
import { plain } from '../core/text';

export interface PromptHeader {
  cardId: string;
  eyebrow: string;
  title: string;
  subtitle: string;
  /** A note above the questions (a reminder), or problems with what was sent (errors win). */
  note: { heading: string; text: string } | null;
  errors: readonly string[];
  /** Not wrong, but worth a second look (text that may identify a child): shown with a way to send anyway. */
  warnings: readonly string[];
  verbs: PromptVerbs;
  /** The earliest date a moved session can move to (tomorrow). */
  minDate: string;
  /** Offer Snooze (not once it has been answered). */
  snoozable: boolean;
  supervisorFirstName: string;
}

const noteOrErrors = (h: PromptHeader) =>
  formBanner([...h.errors, ...h.warnings], h.note ? banner('accent', h.note.heading, [h.note.text]) : undefined);

/** The appraisal card's own inputs beside the need slots and ratings: declared once for its template and schema. */
export const APPRAISAL_EXTRA_FIELDS = ['feedback', 'barriers', 'barrierNote', 'confirmNotIdentifying'] as const;

function needValues(values: Record<string, string>, prefix: string): NeedValues {
  return { area: values[`${prefix}Area`] ?? '', text: values[`${prefix}Text`] ?? '', activity: values[`${prefix}Activity`] ?? '' };
}

function wellbeing(h: PromptHeader, values: Record<string, string>) {
  return wellbeingInputs(`Only ${h.supervisorFirstName} sees this.`, values.wellbeing ?? '', values.wellbeingNote ?? '');
}

export function supervisionPromptCard(h: PromptHeader, values: Record<string, string>): AdaptiveCardJson {
  return expand(supervisionTemplate, {
    eyebrow: h.eyebrow,
    title: plain(h.title),
    subtitle: plain(h.subtitle),
    banner: noteOrErrors(h),
    values: {
      wentWell: values.wentWell ?? '', what: values.what ?? '', soWhat: values.soWhat ?? '', nowWhat: values.nowWhat ?? '',
    },
    need1: needInputs('need1', 'First', needValues(values, 'need1')),
    need2: needInputs('need2', 'Second (optional)', needValues(values, 'need2')),
    wellbeing: wellbeing(h, values),
    actions: promptActions(h.cardId, h.verbs, 'Send to my supervisor', h.minDate, h.snoozable),
  });
}

export interface ReviewItem {
  /** The input id: review_<need id>. */
  id: string;
  label: string;
  value: string;
}

export function appraisalPromptCard(
  h: PromptHeader,
  values: Record<string, string>,
  opts: { selfAssessment: boolean; review: readonly ReviewItem[]; midYear: boolean },
): AdaptiveCardJson {
  return expand(appraisalTemplate, {
    eyebrow: h.eyebrow,
    title: plain(h.title),
    subtitle: plain(h.subtitle),
    banner: noteOrErrors(h),
    selfAssessment: opts.selfAssessment,
    areas: COMMON_CORE.map((a) => ({ code: a.code, label: `${a.code} ${a.label}`, value: values[`sa_${a.code}`] ?? '', evidence: values[`ev_${a.code}`] ?? '' })),
    reviewHeading: opts.midYear ? 'Your plan so far' : 'Your plan this year',
    reviewEmpty: opts.review.length === 0 ? 'You have no open learning needs in your plan.' : '',
    review: opts.review.map((r) => ({ ...r, label: plain(r.label) })),
    needsHeading: opts.midYear ? 'Learning for the rest of the year' : 'Learning for next year',
    need1: needInputs('need1', 'First', needValues(values, 'need1')),
    need2: needInputs('need2', 'Second (optional)', needValues(values, 'need2')),
    need3: needInputs('need3', 'Third (optional)', needValues(values, 'need3')),
    values: { feedback: values.feedback ?? '', barriers: values.barriers ?? '', barrierNote: values.barrierNote ?? '' },
    barrierChoices: Object.entries(BARRIERS).map(([code, label]) => ({ code, label })),
    warned: h.warnings.length > 0,
    wellbeing: wellbeing(h, values),
    actions: promptActions(h.cardId, h.verbs, opts.midYear ? 'Send to my manager' : 'Send to my appraiser', h.minDate, h.snoozable),
  });
}
