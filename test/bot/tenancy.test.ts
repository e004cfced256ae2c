import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cardText } from '../support/cards';
import { activityOptions, hrRecord, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('where Weave listens', () => {
  let stack: TestStack;
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([hrRecord(dana, { profession: 'manager', roles: ['practitioner', 'manager'] })]);
  });
  afterEach(async () => stack?.stop());

  it('refuses people from another organisation and records nothing about them', async () => {
    const outsider = teams.testUser('Outsider', 'x@other.example');
    const o = { serviceUrl: stack.connector.url, tenantId: randomUUID() };
    await stack.post(teams.personalInstall(outsider, o));
    await stack.post(teams.personalMessage(outsider, 'help', o));
    const replies = stack.connector.to(teams.personalConversationId(outsider));
    expect(replies.map((r) => r.activity.text)).toEqual([
      "Weave isn't set up for your organisation, so it can't help you here.",
      "Weave isn't set up for your organisation, so it can't help you here.",
    ]);
    expect(await stack.rt.conversations.get(o.tenantId, outsider.aadObjectId)).toBeUndefined();
    const invoke = await stack.post(teams.cardAction(outsider, 'profile.save', { cardId: randomUUID() }, o));
    expect(invoke.body).toMatchObject({ statusCode: 200, value: "Weave isn't set up for your organisation, so it can't help you here." });
  });

  it('rejects a body that is not an activity with 400, without a stack trace', async () => {
    const res = await fetch(`${stack.host.url}/api/messages`, { method: 'POST', body: 'not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Body must be a JSON Bot Framework activity' });
    const noType = await stack.post({ text: 'hi' });
    expect(noType.status).toBe(400);
  });

  it('records a team it is added to, with its channels, and keeps the channel list current', async () => {
    const team = teams.testTeam('PaCT');
    stack.connector.channels.set(team.id, [{ id: team.id }, { id: '19:digest@thread.tacv2', name: 'Training' }]);
    await stack.post(teams.botAddedToTeam(dana, team, activityOptions(stack)));
    const posted = stack.connector.to(team.id);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.activity.text).toContain('only ever posts anonymous team totals');
    expect(await stack.rt.teams.get(stack.tenantId, team.id)).toMatchObject({
      name: 'PaCT', status: 'installed', channels: [{ id: team.id, name: 'General' }, { id: '19:digest@thread.tacv2', name: 'Training' }],
    });

    // Teams also sends installationUpdate for the same install: no second welcome.
    await stack.post({ ...teams.botAddedToTeam(dana, team, activityOptions(stack)), type: 'installationUpdate', action: 'add', membersAdded: undefined });
    expect(stack.connector.to(team.id)).toHaveLength(1);

    stack.connector.channels.set(team.id, [{ id: team.id }, { id: '19:digest@thread.tacv2', name: 'Training' }, { id: '19:new@thread.tacv2', name: 'Practice' }]);
    await stack.post(teams.channelCreated(dana, team, { id: '19:new@thread.tacv2', name: 'Practice' }, activityOptions(stack)));
    expect((await stack.rt.teams.get(stack.tenantId, team.id))?.channels).toHaveLength(3);
  });

  it('in a channel, answers help with team-level commands and keeps personal ones personal', async () => {
    const team = teams.testTeam('PaCT');
    const o = activityOptions(stack);
    await stack.post(teams.channelMessage(dana, team, 'help', o));
    const [help] = stack.connector.to(team.id);
    const card = (help!.activity.attachments as { content: unknown }[])[0]!.content;
    expect(cardText(card)).toContain('In a channel Weave only shares team-level summaries');
    const listed = JSON.stringify(card).match(/"title":"([a-z ]+)","value"/g) ?? [];
    expect(listed.join()).toContain('help');
    expect(listed.join()).not.toContain('profile');

    await stack.post(teams.channelMessage(dana, team, 'profile', o));
    expect(stack.connector.to(team.id)[1]!.activity.text).toBe('**profile** is personal, so it only works in your 1:1 chat with Weave.');
  });

  it('marks a person as uninstalled when they remove the app', async () => {
    await stack.install(dana);
    await stack.post(teams.personalUninstall(dana, activityOptions(stack)));
    expect((await stack.rt.conversations.get(stack.tenantId, dana.aadObjectId))?.status).toBe('uninstalled');
    // Re-installing greets them again.
    expect((await stack.install(dana)).cards).toHaveLength(1);
  });

  it('answers only Microsoft Teams, and only people with an Entra object id', async () => {
    const o = activityOptions(stack);
    const webchat = { ...teams.personalMessage(dana, 'help', o), channelId: 'webchat' };
    await stack.post(webchat);
    expect(stack.connector.to(teams.personalConversationId(dana)).map((r) => r.activity.text)).toEqual([
      'Weave works in Microsoft Teams for people signed in to your organisation.',
    ]);
    const noAad = teams.personalMessage(dana, 'help', o);
    (noAad.from as { aadObjectId?: string }).aadObjectId = "x' or PartitionKey ne '";
    await stack.post(noAad);
    expect(stack.connector.to(teams.personalConversationId(dana)).map((r) => r.activity.text)).toHaveLength(2);
    expect(await stack.rt.conversations.get(stack.tenantId, dana.aadObjectId)).toBeUndefined();
  });

  it('ignores a time zone Teams reports that is not a real one', async () => {
    await stack.post(teams.personalInstall(dana, { ...activityOptions(stack), timeZone: 'Narnia/Lamppost' }));
    expect((await stack.rt.conversations.get(stack.tenantId, dana.aadObjectId))?.timeZone).toBeNull();
  });

  it('keeps a person reachable when Weave is removed from a group chat they are in', async () => {
    await stack.install(dana);
    const groupRemoval = { ...teams.personalUninstall(dana, activityOptions(stack)), conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: stack.tenantId } };
    await stack.post(groupRemoval);
    expect((await stack.rt.conversations.get(stack.tenantId, dana.aadObjectId))?.status).toBe('installed');
  });
});
