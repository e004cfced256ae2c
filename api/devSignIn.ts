// Local development only: be any active person on the roster, to see each view of the tab. The
// README walks through Weave as three of the demo people, so they come first and the first of them,
// Priya the practitioner, is chosen unless the developer picks someone else. Azure mode has no signer.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { nameOf } from '../core/people';
import { roleLabel } from '../core/workforce';
import { personaByKey } from '../local/demo/personas';
import type { Runtime } from '../runtime/runtime';
import { json, readJson } from './http';
import type { DevSignInPerson } from './shapes';

const README_PEOPLE = ['practitioner', 'manager', 'ld_admin'].map((key) => personaByKey(key).aadObjectId);

const signIn = z.object({ personId: z.string().max(100) });

/** GET: who can be chosen, the README's people first. POST {personId}: a token for them. */
export async function devSignIn(rt: Runtime, request: HttpRequest): Promise<HttpResponseInit> {
  if (rt.config.mode !== 'local' || !rt.devSignIn) return json(404, { error: 'Not found' });
  if (request.method === 'GET') {
    const people = (await rt.people.list(rt.config.tenantId)).filter((p) => p.status === 'active');
    const rank = (id: string) => (README_PEOPLE.includes(id) ? README_PEOPLE.indexOf(id) : README_PEOPLE.length);
    people.sort((a, b) => rank(a.aadObjectId) - rank(b.aadObjectId) || nameOf(a).localeCompare(nameOf(b)));
    return json(200, people.map((p): DevSignInPerson => ({
      id: p.aadObjectId, name: nameOf(p), jobTitle: p.jobTitle,
      roles: p.roles.filter((r) => r !== 'practitioner').map(roleLabel),
      featured: README_PEOPLE.includes(p.aadObjectId),
    })));
  }
  const read = await readJson(request);
  const input = 'error' in read ? null : signIn.safeParse(read.value);
  if (!input?.success) return json(400, { errors: ['Send {"personId": "…"}.'] });
  const person = await rt.people.get(rt.config.tenantId, input.data.personId.toLowerCase());
  if (!person || person.status !== 'active') return json(400, { errors: ['Nobody on the roster has that id.'] });
  return json(200, { token: rt.devSignIn.sign(person.aadObjectId, nameOf(person)) });
}
