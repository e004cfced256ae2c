// Every card template, filled by its builder, is a card Teams can render.
import { describe, expect, it } from 'vitest';
import { EMPTY_ABOUT_YOU } from '../../cards/fragments';
import { greetingCard } from '../../cards/greeting';
import { helpCard } from '../../cards/help';
import { joinerConfirmCard } from '../../cards/joinerConfirm';
import { noticeCard } from '../../cards/notice';
import { onboardingCard } from '../../cards/onboarding';
import { profileCard } from '../../cards/profile';
import { expand } from '../../cards/render';
import { cardProblems, cardText } from '../support/cards';

const cardId = '11111111-2222-4333-8444-555555555555';

describe('card templates', () => {
  const cards = {
    help: helpCard({ title: 'What you can do', intro: 'Type these', sections: [{ heading: 'Getting started', commands: [{ name: 'help', summary: 'This' }] }], footer: 'Private', buttons: [{ title: 'My profile', command: 'profile' }] }),
    greeting: greetingCard({ title: 'Welcome', intro: 'Hi', promises: ['One', 'Two'], privacy: 'Private', buttons: [] }),
    notice: noticeCard({ title: 'Done', lines: ['Saved'], facts: [{ title: 'A', value: 'B' }], tone: 'good' }),
    onboardingEmpty: onboardingCard({ cardId, firstName: 'Jo', values: EMPTY_ABOUT_YOU, teams: ['PaCT', 'MASH'], errors: [] }),
    onboardingErrors: onboardingCard({ cardId, firstName: 'Jo', values: { ...EMPTY_ABOUT_YOU, team: 'Somewhere new' }, teams: [], errors: ['One', 'Two'] }),
    profileRostered: profileCard({ cardId, name: 'Priya', status: 'On the roster', facts: [{ title: 'Email', value: 'p@x' }], aboutYou: null, settings: { preferredName: '', supervisorEmail: '', workingDays: '1,2,3,4,5' }, errors: [], savedNote: 'Saved.' }),
    profileSelf: profileCard({ cardId, name: 'Jo', status: 'Waiting', facts: [], aboutYou: { values: EMPTY_ABOUT_YOU, teams: ['PaCT'] }, settings: { preferredName: 'J', supervisorEmail: '', workingDays: '1' }, errors: ['Fix'], savedNote: '' }),
    joinerConfirm: joinerConfirmCard({ cardId, name: 'Jo Reed', email: 'jo@x', facts: [{ title: 'Team', value: 'PaCT' }] }),
  };

  for (const [name, card] of Object.entries(cards)) {
    it(`${name} renders without problems`, () => {
      expect(cardProblems(card)).toEqual([]);
    });
  }

  it('shows text people typed literally, never as template expressions', () => {
    const card = noticeCard({ title: '${title}', lines: ['${1+1} and ${$root}'] });
    expect(cardText(card)).toContain('${title}');
    expect(cardText(card)).toContain('${1+1} and ${$root}');
  });

  it('refuses to render a template its builder did not fully fill', () => {
    expect(() => expand({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}' }] }, {})).toThrow(/missing/);
  });

  it('keeps the card id as the only data an action carries', () => {
    const actions = (cards.profileRostered.actions ?? []) as { data?: Record<string, unknown> }[];
    expect(actions.map((a) => Object.keys(a.data ?? {}))).toEqual([['cardId']]);
  });
});

describe('text people typed, in Markdown fields', () => {
  it('cannot become a link', async () => {
    const { plain } = await import('../../cards/text');
    expect(plain('[Reset your password](https://evil.example)')).toBe('[Reset your password]\u200b(https://evil.example)');
    expect(plain("Siobhán O'Neill (PaCT)")).toBe("Siobhán O'Neill (PaCT)");
  });
});
