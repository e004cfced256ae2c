// Renders an adaptive card with the adaptivecards SDK, as Teams does, for the composer's preview.
// Buttons are drawn but do nothing: a preview books no one.
import { AdaptiveCard, HostConfig } from 'adaptivecards';

/** Close to Teams' own: Segoe UI, its type ramp and emphasis colour. */
const TEAMS_LIKE = new HostConfig({
  fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 20 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' }, good: { default: '#0E700E', subtle: '#0E700E' }, attention: { default: '#C50F1F', subtle: '#C50F1F' }, warning: { default: '#835B00', subtle: '#835B00' } } },
    emphasis: { backgroundColor: '#F0F0F0', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  // The preview sits under the h3 "What people will get": a card's headings come next.
  textBlock: { headingLevel: 4 },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
});

export function renderCard(json: Record<string, unknown>): HTMLElement {
  const card = new AdaptiveCard();
  card.hostConfig = TEAMS_LIKE;
  card.onExecuteAction = () => undefined;
  card.parse(json);
  const element = card.render();
  if (!element) throw new Error('The card could not be drawn.');
  return element;
}
