// Where a card sends someone to see more in the Weave tab: a Teams deep link to the personal tab's
// page when the app's id is known (the tab reads the page from its context), otherwise the tab's own
// address (the local stack, where the tab runs in a browser).
import type { Config } from './config';

export type TabPage = 'me' | 'team' | 'org';

/** The staticTabs entityId in the manifest. */
export const TAB_ENTITY_ID = 'weave';

export function tabLink(config: Pick<Config, 'publicUrl' | 'teamsAppId'>, page: TabPage): string {
  if (!config.teamsAppId) return `${config.publicUrl}/api/tab/#/${page}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${config.teamsAppId}/${TAB_ENTITY_ID}?context=${context}`;
}
