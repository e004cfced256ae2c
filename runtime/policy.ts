// The cadence policy the organisation runs on: policy/cadence.json, part of the deployment, checked
// when Weave starts. A policy that does not validate stops the app with the reasons.
import policyFile from '../policy/cadence.json' with { type: 'json' };
import { parseCadencePolicy, type CadencePolicy } from '../core/cadencePolicy';

export function loadCadencePolicy(json: unknown = policyFile): CadencePolicy {
  return parseCadencePolicy(json, 'policy/cadence.json');
}
