// The cadence policy the organisation runs on: policy/cadence.json, part of the deployment, checked
// when Weave starts. A policy that does not validate stops the app with the reasons.
import policyFile from '../policy/cadence.json' with { type: 'json' };
import registrationFile from '../policy/registration.json' with { type: 'json' };
import { parseCadencePolicy, type CadencePolicy } from '../core/cadencePolicy';
import { parseRegistrationPolicy, type RegistrationPolicy } from '../core/registration';

export function loadCadencePolicy(json: unknown = policyFile): CadencePolicy {
  return parseCadencePolicy(json, 'policy/cadence.json');
}

export function loadRegistrationPolicy(json: unknown = registrationFile): RegistrationPolicy {
  return parseRegistrationPolicy(json, 'policy/registration.json');
}
