// The rules the organisation runs on, as data in policy/: supervision and appraisal cadence,
// regulators' CPD requirements, mentoring matching, plan roll-ups, learning offers, the integration pulse. Part of the deployment, checked when Weave
// starts; a file that does not validate stops the app with the reasons.
import policyFile from '../policy/cadence.json' with { type: 'json' };
import registrationFile from '../policy/registration.json' with { type: 'json' };
import mentoringFile from '../policy/mentoring.json' with { type: 'json' };
import plansFile from '../policy/plans.json' with { type: 'json' };
import offersFile from '../policy/offers.json' with { type: 'json' };
import pulseFile from '../policy/pulse.json' with { type: 'json' };
import mandatoryFile from '../policy/mandatory.json' with { type: 'json' };
import pathwaysFile from '../policy/pathways.json' with { type: 'json' };
import { parseCadencePolicy, type CadencePolicy } from '../core/cadencePolicy';
import { parseRegistrationPolicy, type RegistrationPolicy } from '../core/registration';
import { parseMentoringPolicy, type MentoringPolicy } from '../core/mentoring';
import { parsePlanPolicy, type PlanPolicy } from '../core/planPolicy';
import { parseOfferPolicy, type OfferPolicy } from '../core/offers';
import { parsePulsePolicy, type PulsePolicy } from '../core/pulse';
import { parseMandatoryPolicy, type MandatoryPolicy } from '../core/mandatory';
import { parsePathwayPolicy, type PathwayPolicy } from '../core/pathways';

export function loadCadencePolicy(json: unknown = policyFile): CadencePolicy {
  return parseCadencePolicy(json, 'policy/cadence.json');
}

export function loadRegistrationPolicy(json: unknown = registrationFile): RegistrationPolicy {
  return parseRegistrationPolicy(json, 'policy/registration.json');
}

export function loadMentoringPolicy(json: unknown = mentoringFile): MentoringPolicy {
  return parseMentoringPolicy(json, 'policy/mentoring.json');
}

export function loadPlanPolicy(json: unknown = plansFile): PlanPolicy {
  return parsePlanPolicy(json, 'policy/plans.json');
}

export function loadOfferPolicy(json: unknown = offersFile): OfferPolicy {
  return parseOfferPolicy(json, 'policy/offers.json');
}

export function loadPulsePolicy(json: unknown = pulseFile): PulsePolicy {
  return parsePulsePolicy(json, 'policy/pulse.json');
}

export function loadMandatoryPolicy(json: unknown = mandatoryFile): MandatoryPolicy {
  return parseMandatoryPolicy(json, 'policy/mandatory.json');
}

export function loadPathwayPolicy(json: unknown = pathwaysFile): PathwayPolicy {
  return parsePathwayPolicy(json, 'policy/pathways.json');
}
