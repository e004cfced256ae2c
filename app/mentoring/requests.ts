// Asking for a mentor (or shadowing, or coaching) for needs in one's plan: one waiting request a
// person at a time, which the weekly matching run takes from.
import type { MentoringKind, MentorRequest } from '../../core/mentoring';
import type { LearningNeed } from '../../core/needs';
import type { Stored } from '../../store/mentoring';
import type { AppDeps } from '../deps';

type RequestDeps = Pick<AppDeps, 'mentoring' | 'clock' | 'newId'>;

/** A need flagged "I'd like a mentor" from `my plan` joins the person's waiting request, or starts one. */
export async function wantMentorFor(deps: RequestDeps, need: LearningNeed): Promise<void> {
  const requests = await deps.mentoring.listRequestsFor(need.tenantId, need.personId);
  const waiting = requests.find((r) => r.status === 'waiting');
  const now = deps.clock.now().toISOString();
  if (waiting) {
    if (waiting.needIds.includes(need.needId)) return;
    // A pairing already proposed for this need stands; otherwise the need joins the waiting request.
    await deps.mentoring.updateRequest(waiting, { needIds: [...waiting.needIds, need.needId], codes: [...new Set([...waiting.codes, ...need.codes])], updatedAt: now });
    return;
  }
  await deps.mentoring.saveRequest({
    tenantId: need.tenantId, personId: need.personId, requestId: deps.newId(), needIds: [need.needId], codes: need.codes, kind: 'mentoring',
    preferProfession: null, locality: null, availability: [], status: 'waiting', notYet: null, createdAt: now, updatedAt: now,
  });
}

export interface RequestWish {
  needIds: string[];
  kind: MentoringKind;
  preferProfession: string;
  locality: string;
  availability: string[];
}

/** Saves what the person is waiting for; only a request still waiting can change. `needs` are their open needs. */
export async function saveMentorRequest(
  deps: RequestDeps, ids: { tenantId: string; personId: string; requestId: string }, wish: RequestWish, needs: readonly LearningNeed[], request: Stored<MentorRequest> | undefined,
): Promise<{ invalid: string[] } | { saved: true }> {
  const chosen = wish.needIds.map((id) => needs.find((n) => n.needId === id));
  if (chosen.some((n) => !n)) return { invalid: ['Which needs in your plan: choose from the list (a need may have been met or dropped meanwhile).'] };
  if (request && request.status !== 'waiting') return { invalid: ["This request can't be changed now."] };
  const now = deps.clock.now().toISOString();
  const fields = {
    needIds: wish.needIds, codes: [...new Set(chosen.flatMap((n) => n!.codes))], kind: wish.kind, preferProfession: (wish.preferProfession || null) as MentorRequest['preferProfession'],
    locality: wish.locality || null, availability: wish.availability as MentorRequest['availability'], updatedAt: now,
  };
  if (request) await deps.mentoring.updateRequest(request, fields);
  else await deps.mentoring.saveRequest({ ...ids, status: 'waiting', notYet: null, createdAt: now, ...fields });
  return { saved: true };
}

export async function withdrawMentorRequest(deps: Pick<AppDeps, 'mentoring' | 'clock'>, request: Stored<MentorRequest> | undefined): Promise<{ invalid: string[] } | { withdrawn: true }> {
  if (!request || request.status !== 'waiting') return { invalid: ['There is no waiting request to withdraw.'] };
  await deps.mentoring.updateRequest(request, { status: 'withdrawn', updatedAt: deps.clock.now().toISOString() });
  return { withdrawn: true };
}
