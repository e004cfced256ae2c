import { describe, expect, it } from 'vitest';
import { identifyingDetails } from '../../core/identifying';

const kinds = (text: string) => identifyingDetails([text]).map((f) => f.kind);

describe('spotting details that identify a child or family', () => {
  it('finds names with ages or dates of birth', () => {
    expect(kinds('Visited Jayden Smith (14/03/2015) at home.')).toContain('date of birth');
    expect(kinds('DOB: 14.03.2015 noted on the referral.')).toContain('date of birth');
    expect(kinds('Born on 3rd March 2015, so in year 6.')).toContain('date of birth');
    expect(kinds('Mia, aged 7, was frightened.')).toContain('name and age');
    expect(kinds('Talked to Leon (15 yrs) about school.')).toContain('name and age');
    expect(kinds('Visited Jake Smith (12) after school.')).toContain('name and age');
    expect(kinds('Jayden Smith, 12/03/2016, was at the meeting.')).toContain('date of birth');
    expect(kinds('DOB 2015-03-12 on the file.')).toContain('date of birth');
    expect(kinds('Amy, 6, disclosed at school.')).toContain('name and age');
  });

  it('finds case, NHS and pupil numbers, postcodes and addresses', () => {
    expect(kinds('See case 123456 for the chronology.')).toContain('case or reference number');
    expect(kinds('LL 4455667 strategy meeting')).toContain('case or reference number');
    expect(kinds('Mosaic ID 99887766 updated.')).toContain('case or reference number');
    expect(kinds('NHS number 943 476 5919 on the form')).toContain('NHS number');
    expect(kinds('UPN A12345678901B')).toContain('pupil number');
    expect(kinds('The flat in SO14 2AA was cold.')).toContain('postcode');
    expect(kinds('Home visit to 12 Maple Road went well.')).toContain('street address');
  });

  it('leaves reflections about practice alone', () => {
    for (const text of [
      'I learned to slow down in strategy meetings and let the school speak first.',
      'Court statements: keep to facts, use the Children Act 1989 sections correctly.',
      'Reading: the 2023 Working Together guidance, chapter 3.',
      'A 90 minute supervision with Dana on 3 December helped me plan.',
      'Shadowed an educational psychologist for 2 days.',
    ]) expect(identifyingDetails([text])).toEqual([]);
  });

  it('stays quick on whatever is pasted in: long runs of spaces, capitals or digits', () => {
    const hostile = ['case' + ' '.repeat(5000) + 'x', 'Aaaa '.repeat(2000), '1'.repeat(10_000), 'Mia,' + ' ('.repeat(3000), `DOB${' :'.repeat(3000)}`];
    for (const text of hostile) expect(Array.isArray(identifyingDetails(Array(10).fill(text)))).toBe(true);
  });

  it('says what it found, as written, once', () => {
    expect(identifyingDetails(['Mia, aged 7', 'Mia, aged 7 again'])).toEqual([{ kind: 'name and age', excerpt: 'Mia, aged 7' }]);
  });
});
