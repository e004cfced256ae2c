// Teams-shaped activities, as Teams sends them to a bot's messaging endpoint.
import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:weave-bot-id', name: 'Weave' };

export interface TestUser {
  aadObjectId: string;
  name: string;
  email: string;
  /** The user's Teams channel account id (29:…). */
  teamsId: string;
}

export function testUser(name: string, email: string, aadObjectId: string = randomUUID()): TestUser {
  return { aadObjectId, name, email, teamsId: `29:${aadObjectId.slice(0, 8)}` };
}

export function personalConversationId(user: TestUser): string {
  return `a:personal-${user.aadObjectId}`;
}

export interface ActivityOptions {
  serviceUrl: string;
  tenantId: string;
  timeZone?: string;
}

function base(user: TestUser, o: ActivityOptions, conversation: Record<string, unknown>, channelData: Record<string, unknown> = {}) {
  return {
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    localTimezone: o.timeZone ?? 'Europe/London',
    locale: 'en-GB',
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { ...BOT },
    conversation: { tenantId: o.tenantId, ...conversation },
    channelData: { tenant: { id: o.tenantId }, ...channelData },
  };
}

const personal = (user: TestUser) => ({ id: personalConversationId(user), conversationType: 'personal' });

export function personalMessage(user: TestUser, text: string, o: ActivityOptions) {
  return { ...base(user, o, personal(user)), type: 'message', text, textFormat: 'plain' };
}

export function personalInstall(user: TestUser, o: ActivityOptions) {
  return { ...base(user, o, personal(user)), type: 'installationUpdate', action: 'add' };
}

export function personalUninstall(user: TestUser, o: ActivityOptions) {
  return { ...base(user, o, personal(user)), type: 'installationUpdate', action: 'remove' };
}

export function botAddedToPersonal(user: TestUser, o: ActivityOptions) {
  return { ...base(user, o, personal(user)), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

export function cardAction(user: TestUser, verb: string, data: Record<string, unknown>, o: ActivityOptions, conversation = personal(user)) {
  return {
    ...base(user, o, conversation),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export interface TestTeam {
  id: string;
  name: string;
  aadGroupId: string;
}

export function testTeam(name: string): TestTeam {
  return { id: `19:${randomUUID().replace(/-/g, '')}@thread.tacv2`, name, aadGroupId: randomUUID() };
}

function teamConversation(team: TestTeam, channelId = team.id) {
  return { id: channelId, conversationType: 'channel', isGroup: true };
}

export function botAddedToTeam(user: TestUser, team: TestTeam, o: ActivityOptions) {
  return {
    ...base(user, o, teamConversation(team), { team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId }, eventType: 'teamMemberAdded' }),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
  };
}

export function channelCreated(user: TestUser, team: TestTeam, channel: { id: string; name: string }, o: ActivityOptions) {
  return {
    ...base(user, o, teamConversation(team), { team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId }, eventType: 'channelCreated', channel }),
    type: 'conversationUpdate',
  };
}

export function channelMessage(user: TestUser, team: TestTeam, text: string, o: ActivityOptions, channelId = team.id) {
  return {
    ...base(user, o, teamConversation(team, channelId), { team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId }, channel: { id: channelId } }),
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }],
  };
}
