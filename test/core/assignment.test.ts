// The assignment solver against brute force on small instances, and its tie-breaks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyAssignment, optimalAssignment, type AssignmentProblem } from '../../core/assignment';

/** Every way of giving each left item one of its edges or nothing, within capacities: the best total, then the most assigned. */
function bruteForce(p: AssignmentProblem): { total: number; count: number } {
  let best = { total: 0, count: 0 };
  const remaining = [...p.rightCapacity];
  const byLeft = Array.from({ length: p.leftCount }, (_, l) => p.edges.filter((e) => e.left === l));
  const go = (l: number, total: number, count: number) => {
    if (l === p.leftCount) {
      if (total > best.total || (total === best.total && count > best.count)) best = { total, count };
      return;
    }
    go(l + 1, total, count);
    for (const e of byLeft[l]!) {
      if (remaining[e.right]! <= 0) continue;
      remaining[e.right]! -= 1;
      go(l + 1, total + e.weight, count + 1);
      remaining[e.right]! += 1;
    }
  };
  go(0, 0, 0);
  return best;
}

const problems = fc.integer({ min: 1, max: 6 }).chain((leftCount) =>
  fc.integer({ min: 1, max: 4 }).chain((rightCount) =>
    fc.record({
      leftCount: fc.constant(leftCount),
      rightCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rightCount, maxLength: rightCount }),
      edges: fc.uniqueArray(
        fc.record({ left: fc.integer({ min: 0, max: leftCount - 1 }), right: fc.integer({ min: 0, max: rightCount - 1 }), weight: fc.integer({ min: 1, max: 20 }) }),
        { selector: (e) => `${e.left}|${e.right}`, maxLength: leftCount * rightCount },
      ),
    })));

describe('optimal assignment', () => {
  it('equals the brute-force optimum on every small instance: total weight, then how many are assigned', () => {
    fc.assert(fc.property(problems, (p) => {
      const solved = optimalAssignment(p);
      const best = bruteForce(p);
      expect(solved.totalWeight).toBe(best.total);
      expect(solved.chosen.length).toBe(best.count);
    }), { numRuns: 2000 });
  });

  it('respects every capacity and gives each left item at most one', () => {
    fc.assert(fc.property(problems, (p) => {
      const { chosen } = optimalAssignment(p);
      const lefts = chosen.map((i) => p.edges[i]!.left);
      expect(new Set(lefts).size).toBe(lefts.length);
      p.rightCapacity.forEach((cap, r) => expect(chosen.filter((i) => p.edges[i]!.right === r).length).toBeLessThanOrEqual(cap));
    }), { numRuns: 500 });
  });

  it('beats greedy where greedy takes the single best pairing', () => {
    // Greedy gives mentor 0 to person 0 (weight 10) and leaves person 1 with nothing; optimal gives 9 + 8.
    const p: AssignmentProblem = { leftCount: 2, rightCapacity: [1, 1], edges: [{ left: 0, right: 0, weight: 10 }, { left: 0, right: 1, weight: 9 }, { left: 1, right: 0, weight: 8 }] };
    expect(greedyAssignment(p).totalWeight).toBe(10);
    expect(optimalAssignment(p).totalWeight).toBe(17);
  });

  it('copes with augmenting paths thousands of pairs long (no recursion to overflow)', () => {
    // Left i can have right i or right i+1, the last left only right 0. Taking right i for each
    // first (the edges come in that order), the last left then needs every earlier choice shifted
    // up one: an augmenting path through the whole chain.
    const n = 20_000;
    const edges = Array.from({ length: n - 1 }, (_, i) => [{ left: i, right: i, weight: 1 }, { left: i, right: i + 1, weight: 1 }]).flat();
    edges.push({ left: n - 1, right: 0, weight: 1 });
    const solved = optimalAssignment({ leftCount: n, rightCapacity: Array(n).fill(1), edges });
    expect(solved.chosen.length).toBe(n);
    expect(solved.totalWeight).toBe(n);
  });

  it('is deterministic', () => {
    const p: AssignmentProblem = { leftCount: 3, rightCapacity: [1, 1, 1], edges: [0, 1, 2].flatMap((l) => [0, 1, 2].map((r) => ({ left: l, right: r, weight: 5 }))) };
    expect(optimalAssignment(p)).toEqual(optimalAssignment(p));
  });
});
