// Local development only: be any active person on the roster, to see each view of the tab. Whoever
// the local stack names first (the README's three demo people) comes first, the first of them chosen
// unless the developer picks someone else. Azure mode has no signer.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { nameOf } from '../core/people';
import { roleLabel } from '../core/workforce';
import { json, readJson, type ApiHost } from './http';
import type { DevSignInPerson } from './shapes';

const signIn = z.object({ personId: z.string().max(100) });

/** GET: who can be chosen, the README's people first. POST {personId}: a token for them. */
export async function devSignIn(rt: ApiHost, request: HttpRequest): Promise<HttpResponseInit> {
  if (rt.config.mode !== 'local' || !rt.devSignIn) return json(404, { error: 'Not found' });
  if (request.method === 'GET') {
    const people = (await rt.people.list(rt.config.tenantId)).filter((p) => p.status === 'active');
    const first = rt.devSignIn.first;
    const rank = (id: string) => (first.includes(id) ? first.indexOf(id) : first.length);
    people.sort((a, b) => rank(a.aadObjectId) - rank(b.aadObjectId) || nameOf(a).localeCompare(nameOf(b)));
    return json(200, people.map((p): DevSignInPerson => ({
      id: p.aadObjectId, name: nameOf(p), jobTitle: p.jobTitle,
      roles: p.roles.filter((r) => r !== 'practitioner').map(roleLabel),
      featured: first.includes(p.aadObjectId),
    })));
  }
  const read = await readJson(request);
  const input = 'error' in read ? null : signIn.safeParse(read.value);
  if (!input?.success) return json(400, { errors: ['Send {"personId": "…"}.'] });
  const person = await rt.people.get(rt.config.tenantId, input.data.personId.toLowerCase());
  if (!person || person.status !== 'active') return json(400, { errors: ['Nobody on the roster has that id.'] });
  return json(200, { token: rt.devSignIn.sign(person.aadObjectId, nameOf(person)) });
}
