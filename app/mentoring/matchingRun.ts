// The matching run: everyone waiting for a mentor or a shadowing host, matched at once (weekly, and
// when an L&D admin asks). Proposals go to both people; everyone still waiting learns why when they
// look. One run at a time per organisation; a pair is recorded before it is proposed, so a retried
// run never proposes it twice.
import type { AppDeps } from '../deps';
import { deterministicId } from '../../core/ids';
import { matchMentors, type MatchPerson, type MatchingResult } from '../../core/matching';
import { pairKey, type MentorMatch, type MentorRequest } from '../../core/mentoring';
import type { Stored } from '../../store/mentoring';
import { isOpen } from '../../core/needs';
import { localDate } from '../../core/zonedTime';
import { ConcurrencyError } from '../../store/errors';

export interface MatchingRun {
  summary: string;
  waiting: number;
  proposed: number;
  crossProfession: number;
  result: MatchingResult | null;
}

const LOCK_SECONDS = 300;

export async function runMentorMatching(deps: Pick<AppDeps, 'clock' | 'config' | 'mentoring' | 'mentoringPolicy' | 'needs' | 'newId' | 'outbox' | 'people'>): Promise<MatchingRun> {
  const tenantId = deps.config.tenantId;
  const holder = deps.newId();
  const now = deps.clock.now();
  if (!(await deps.mentoring.lockMatching(tenantId, holder, now, LOCK_SECONDS))) {
    return { summary: 'another matching run is under way', waiting: 0, proposed: 0, crossProfession: 0, result: null };
  }
  try {
    const today = localDate(now, deps.config.timeZone);
    const at = now.toISOString();
    const [staff, offers, requests, matches, needs] = await Promise.all([
      deps.people.list(tenantId), deps.mentoring.listOffers(tenantId), deps.mentoring.listRequests(tenantId),
      deps.mentoring.listMatches(tenantId), deps.needs.listAll(tenantId),
    ]);
    const people = new Map<string, MatchPerson>(staff.filter((p) => p.status === 'active').map((p) => [p.aadObjectId, {
      id: p.aadObjectId, profession: p.profession, team: p.team, service: p.service, careerStage: p.careerStage, managerId: p.managerId, supervisorId: p.supervisorId,
    }]));
    const managers = new Map(staff.map((p) => [p.aadObjectId, p.managerId]));
    await repair(deps, { people, matches, requests, at });

    const load = new Map<string, number>();
    for (const m of matches) if (m.status === 'proposed' || m.status === 'active') load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
    const excludedPairs = new Set(matches.map((m) => pairKey(m.mentorId, m.menteeId)));

    // A request is for needs still open: met or dropped ones fall away, and with them the request.
    const openNeeds = new Map(needs.filter(isOpen).map((n) => [`${n.personId}|${n.needId}`, n]));
    const waiting = [];
    for (const r of requests.filter((x) => x.status === 'waiting')) {
      const still = r.needIds.map((id) => openNeeds.get(`${r.personId}|${id}`)).filter((n) => !!n);
      if (still.length === 0 || !people.has(r.personId)) {
        const why = still.length === 0 ? 'The needs it was for are met or dropped.' : 'No longer on the staff roster.';
        await deps.mentoring.updateRequest(r, { status: 'withdrawn', notYet: why, updatedAt: at }).catch(ignoreRace);
        continue;
      }
      waiting.push({ ...r, needIds: still.map((n) => n.needId), codes: [...new Set(still.flatMap((n) => n.codes))] });
    }

    const result = matchMentors({ policy: deps.mentoringPolicy, people, offers, requests: waiting, load, excludedPairs, today, managers });
    const byId = new Map(waiting.map((r) => [r.requestId, r]));
    let proposed = 0;
    for (const p of result.proposals) {
      // A run that outlived its lease stops: another may have begun, with its own idea of who is free.
      if (!(await deps.mentoring.renewMatching(tenantId, holder, deps.clock.now(), LOCK_SECONDS))) break;
      const request = byId.get(p.requestId)!;
      const match: MentorMatch = {
        tenantId, matchId: deterministicId('mentor-match', p.requestId, p.mentorId), requestId: p.requestId, mentorId: p.mentorId, menteeId: p.menteeId,
        kind: request.kind, codes: request.codes, score: p.score, reasons: p.reasons, sameProfession: p.sameProfession, status: 'proposed',
        mentorAnswer: null, menteeAnswer: null, declinedBy: null, declineReason: '', proposedAt: at, remindedAt: null, introducedAt: null, checkIns: [], updatedAt: at,
      };
      // The request moves first: if someone changed it meanwhile (withdrew it), nothing is proposed.
      try {
        await deps.mentoring.updateRequest(request, { status: 'proposed', needIds: request.needIds, codes: request.codes, notYet: null, updatedAt: at });
      } catch (err) {
        if (err instanceof ConcurrencyError) continue;
        throw err;
      }
      await deps.mentoring.createMatch(match);
      await sendProposal(deps, match);
      proposed += 1;
    }
    for (const n of result.notYet) {
      const request = byId.get(n.requestId)!;
      if (request.notYet !== n.reason) await deps.mentoring.updateRequest(request, { notYet: n.reason, needIds: request.needIds, codes: request.codes, updatedAt: at }).catch(ignoreRace);
    }
    const crossProfession = result.proposals.filter((p) => !p.sameProfession).length;
    return {
      summary: `${waiting.length} waiting, ${proposed} proposed (${crossProfession} across professions), ${result.notYet.length} not yet`,
      waiting: waiting.length, proposed, crossProfession, result,
    };
  } finally {
    await deps.mentoring.unlockMatching(tenantId, holder);
  }
}

/** Both proposal cards; the batch keys make sending again harmless. */
async function sendProposal(deps: Pick<AppDeps, 'outbox'>, match: MentorMatch) {
  for (const [personId, role] of [[match.menteeId, 'mentee'], [match.mentorId, 'mentor']] as const) {
    await deps.outbox.sendCard({
      tenantId: match.tenantId, batch: `mentor-proposal|${match.matchId}|${personId}`, recipientId: personId,
      kind: 'mentorProposal', context: { matchId: match.matchId, role },
    });
  }
}

/**
 * Puts right what an interrupted run or action left half done, before matching: a proposal whose
 * cards may not have gone is sent (again: at most once each); a request marked proposed with no
 * live proposal goes back to waiting; pairings with someone who has left end, and the request of a
 * mentee still here goes back to the pool.
 */
async function repair(deps: Pick<AppDeps, 'mentoring' | 'outbox'>, s: { people: ReadonlyMap<string, MatchPerson>; matches: Stored<MentorMatch>[]; requests: Stored<MentorRequest>[]; at: string }) {
  const reopen = new Set<string>();
  for (const m of s.matches.filter((x) => x.status === 'proposed' || x.status === 'active')) {
    if (!s.people.has(m.mentorId) || !s.people.has(m.menteeId)) {
      await deps.mentoring.updateMatch(m, { status: 'ended', updatedAt: s.at }).catch(ignoreRace);
      m.status = 'ended';
      if (s.people.has(m.menteeId)) reopen.add(m.requestId);
    } else if (m.status === 'proposed') {
      await sendProposal(deps, m);
    }
  }
  const live = new Set(s.matches.filter((m) => m.status === 'proposed' || m.status === 'active').map((m) => m.requestId));
  for (const r of s.requests) {
    if (live.has(r.requestId) || r.status === 'withdrawn') continue;
    const next = !s.people.has(r.personId)
      ? { status: 'withdrawn' as const, notYet: 'No longer on the staff roster.' }
      : r.status === 'proposed' || reopen.has(r.requestId) ? { status: 'waiting' as const, notYet: null } : null;
    if (!next || (next.status === 'withdrawn' && r.status !== 'waiting' && r.status !== 'proposed')) continue;
    try {
      Object.assign(r, await deps.mentoring.updateRequest(r, { ...next, updatedAt: s.at }));
    } catch (err) {
      ignoreRace(err);
    }
  }
}

function ignoreRace(err: unknown) {
  if (!(err instanceof ConcurrencyError)) throw err;
}
