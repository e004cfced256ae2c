// The inputs a card template asks for are exactly the fields its module declares, which its input
// schema is typed against: a field renamed in one place fails here or in the compiler, not in use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADD_NEED_FIELDS } from '../../cards/addNeed';
import { SESSION_OUTCOME_FIELDS, SESSION_RECORD_FIELDS } from '../../cards/afterSession';
import { APPRAISAL_EXTRA_FIELDS } from '../../cards/sessionPrompt';
import { ABOUT_YOU_FIELDS } from '../../cards/fragments';
import { CPD_INPUTS } from '../../cards/logCpd';
import { MENTOR_OFFER_FIELDS, MENTOR_REQUEST_FIELDS } from '../../cards/mentoring';
import { PROFILE_SETTINGS_FIELDS } from '../../cards/profile';
import { PULSE_FIELDS } from '../../cards/pulse';
import { TRIGGER_FIELDS } from '../../cards/trigger';
import { QUALIFICATION_FIELDS } from '../../cards/qualifications';
import { PATHWAY_FIELDS } from '../../cards/pathway';
import { LINE_FIELDS } from '../../core/commissioning';
import { OFFER_FIELDS } from '../../core/offers';

const TEMPLATES = join(__dirname, '..', '..', 'cards', 'templates');

/** The ids of a template's inputs that are fixed in it (ids made from data, like need slots, are not). */
function inputIds(file: string): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string' && !o.id.includes('${')) ids.push(o.id);
    Object.values(o).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')));
  return [...new Set(ids)].sort();
}

const CONTRACTS: [string, readonly string[]][] = [
  ['addNeed.json', ADD_NEED_FIELDS],
  ['logCpd.json', [...CPD_INPUTS, 'confirmNotIdentifying']],
  ['mentorOffer.json', MENTOR_OFFER_FIELDS],
  ['mentorRequest.json', MENTOR_REQUEST_FIELDS],
  ['newTrigger.json', TRIGGER_FIELDS],
  ['fragments/aboutYou.json', ABOUT_YOU_FIELDS],
  // Send later's date and time are on its Action.ShowCard, built in cards/offers.ts beside the schedule schema.
  ['offerCompose.json', OFFER_FIELDS],
  ['profile.json', PROFILE_SETTINGS_FIELDS],
  ['qualifications.json', QUALIFICATION_FIELDS],
  ['qualificationConfirm.json', []],
  ['pathway.json', PATHWAY_FIELDS],
  // The action slots' ids are made from data (action<n>Text, …: ACTION_FIELDS); these are the fixed ones.
  ['sessionOutcome.json', SESSION_OUTCOME_FIELDS],
  ['sessionRecord.json', SESSION_RECORD_FIELDS],
  ['planAgreement.json', []],
  ['fragments/lineInputs.json', LINE_FIELDS],
  // Recording a line delivered asks what it cost (the move schema in bot/flows/commissioning.ts).
  ['commissionLine.json', ['actual']],
  // The agreement's and the budget's rows are made from data (code_n, why_n, term_n; name_n, pounds_n).
  ['teamAgreement.json', []],
  ['yearPlan.json', []],
  // Ratings, the plan's review and the need slots are made from data; these are the appraisal's own.
  ['appraisalPrompt.json', APPRAISAL_EXTRA_FIELDS],
  ['pulse.json', PULSE_FIELDS],
];

describe('card inputs and the fields their schemas are typed against', () => {
  for (const [file, fields] of CONTRACTS) {
    it(`${file} asks for exactly its declared fields`, () => {
      expect(inputIds(file)).toEqual([...fields].sort());
    });
  }
});
