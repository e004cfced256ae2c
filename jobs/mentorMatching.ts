// The matching run: everyone waiting for a mentor or a shadowing host, matched at once (weekly, and
// when an L&D admin asks). Proposals go to both people; everyone still waiting learns why when they
// look. One run at a time per organisation; a pair is recorded before it is proposed, so a retried
// run never proposes it twice.
import type { BotDeps } from '../bot/context';
import { mentorProposalFlow } from '../bot/flows/mentorProposal';
import { deterministicId } from '../core/ids';
import { matchMentors, type MatchPerson, type MatchingResult } from '../core/matching';
import { pairKey, type MentorMatch } from '../core/mentoring';
import { isOpen } from '../core/needs';
import { localDate } from '../core/zonedTime';
import { ConcurrencyError } from '../store/tables';

export interface MatchingRun {
  summary: string;
  waiting: number;
  proposed: number;
  crossProfession: number;
  result: MatchingResult | null;
}

const LOCK_SECONDS = 300;

export async function runMentorMatching(deps: BotDeps): Promise<MatchingRun> {
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
    const load = new Map<string, number>();
    for (const m of matches) if (m.status === 'proposed' || m.status === 'active') load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
    const excludedPairs = new Set(matches.map((m) => pairKey(m.mentorId, m.menteeId)));

    // A request is for needs still open: met or dropped ones fall away, and with them the request.
    const openNeeds = new Map(needs.filter(isOpen).map((n) => [`${n.personId}|${n.needId}`, n]));
    const waiting = [];
    for (const r of requests.filter((x) => x.status === 'waiting')) {
      const still = r.needIds.map((id) => openNeeds.get(`${r.personId}|${id}`)).filter((n) => !!n);
      if (still.length === 0) {
        await deps.mentoring.updateRequest(r, { status: 'withdrawn', notYet: 'The needs it was for are met or dropped.', updatedAt: at }).catch(ignoreRace);
        continue;
      }
      waiting.push({ ...r, needIds: still.map((n) => n.needId), codes: [...new Set(still.flatMap((n) => n.codes))] });
    }

    const result = matchMentors({ policy: deps.mentoringPolicy, people, offers, requests: waiting, load, excludedPairs, today });
    const byId = new Map(waiting.map((r) => [r.requestId, r]));
    let proposed = 0;
    for (const p of result.proposals) {
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
      for (const [personId, role] of [[p.menteeId, 'mentee'], [p.mentorId, 'mentor']] as const) {
        await deps.outbox.sendCard({
          tenantId, batch: `mentor-proposal|${match.matchId}|${personId}`, recipientId: personId,
          kind: mentorProposalFlow.kind, context: { matchId: match.matchId, role },
        });
      }
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

function ignoreRace(err: unknown) {
  if (!(err instanceof ConcurrencyError)) throw err;
}
