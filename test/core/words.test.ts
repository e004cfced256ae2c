import { describe, expect, it } from 'vitest';
import { roleOf } from '../../core/people';
import { agree, agreeOf, plural, times } from '../../core/words';

describe('how counts and roles read', () => {
  it('agrees with the count it is about', () => {
    expect(plural(1, 'piece', 'pieces')).toBe('1 piece');
    expect(plural(0, 'piece', 'pieces')).toBe('0 pieces');
    expect(`1 of your ${plural(6, 'report', 'reports')} ${agree(1, 'has', 'have')} open needs`).toBe('1 of your 6 reports has open needs');
    expect([1, 2, 3].map(times)).toEqual(['once', 'twice', '3 times']);
    expect([[1, 6], [2, 6], [0, 6], [0, 1]].map(([part, whole]) => agreeOf(part!, whole!, 'has', 'have'))).toEqual(['has', 'have', 'have', 'has']);
    expect(agree(2, 'is', 'are')).toBe('are');
  });

  it("shows a role once: the job title, and the profession only when the title doesn't say it", () => {
    expect(roleOf({ jobTitle: 'Social Worker (ASYE)', profession: 'social_worker' })).toBe('Social Worker (ASYE)');
    expect(roleOf({ jobTitle: 'Social Worker', profession: 'social_worker' })).toBe('Social Worker');
    expect(roleOf({ jobTitle: 'Team Manager, Protection and Court', profession: 'social_worker' })).toBe('Team Manager, Protection and Court · Social worker');
    expect(roleOf({ jobTitle: '', profession: 'teacher' })).toBe('Teacher');
  });
});
