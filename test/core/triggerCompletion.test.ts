// A trigger's completion, as anyone beyond a person and their manager sees it: no team figure, and no
// total, that counts fewer than the threshold who did or did not learn from it — nor one that
// follows from the others by subtraction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triggerCompletion } from '../../core/triggerCompletion';
import type { LearningTrigger } from '../../core/triggers';

const trigger: LearningTrigger = {
  tenantId: 't', triggerId: 'tr', source: 'practice_review', summary: 'x', codes: ['CC6'], teams: [], professions: [], dueDate: '2026-12-18',
  needsCreated: false, createdBy: 'l', createdAt: '2026-11-01T10:00:00Z',
};

const people = fc.array(fc.record({ team: fc.constantFrom('A', 'B', 'C', 'D', 'E'), learned: fc.boolean() }), { maxLength: 60 });

describe('trigger completion', () => {
  it('shows no figure from 1 to t-1, nor one subtraction gives away', () => {
    fc.assert(fc.property(people, fc.integer({ min: 2, max: 5 }), (staff, t) => {
      const ids = staff.map((_, i) => `p${i}`);
      const c = triggerCompletion(trigger, {
        people: staff.map((p, i) => ({ id: ids[i]!, team: p.team, profession: 'social_worker' })),
        attended: new Set(ids.filter((_, i) => staff[i]!.learned)), cpd: [], metNeed: new Set(),
      }, '2026-12-01', t);
      const small = (n: number) => n > 0 && n < t;
      for (const r of c.byTeam) {
        if (r.learned === null) continue;
        expect(r.affected).toBeGreaterThanOrEqual(t);
        expect(small(r.learned) || small(r.affected - r.learned)).toBe(false);
      }
      if (c.learned !== null) {
        expect(small(c.learned) || small(c.affected - c.learned) || c.affected < t).toBe(false);
        // A lone hidden team would be the total less the others.
        expect(c.byTeam.filter((r) => r.learned === null).length).not.toBe(1);
      }
      expect(c.byTeam.reduce((n, r) => n + r.affected, 0)).toBe(c.affected);
    }), { numRuns: 500 });
  });

  it('counts attending a linked offer, CPD in its areas since it was recorded, or a met need — and flags it overdue', () => {
    const facts = {
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, team: 'A', profession: 'social_worker' as const })),
      attended: new Set(['a']),
      cpd: [{ personId: 'b', date: '2026-11-10', codes: ['CC6.K2'] }, { personId: 'c', date: '2026-10-01', codes: ['CC6'] }, { personId: 'd', date: '2026-11-10', codes: ['CC1'] }],
      metNeed: new Set(['c']),
    };
    const c = triggerCompletion(trigger, facts, '2026-12-19', 1);
    expect(c.learned).toBe(3);
    expect(c.overdue).toBe(true);
    expect(triggerCompletion({ ...trigger, closed: { at: '2026-12-19T10:00:00Z', by: 'l', note: '' } }, facts, '2026-12-19', 1).overdue).toBe(false);
  });
});
