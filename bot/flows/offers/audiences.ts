// Who may press the buttons of L&D's offer card.
import type { ActionAudience } from '../flow';

export const COMPOSE: ActionAudience = { role: 'ld_admin', refusal: 'Only L&D admins can compose and send offers.' };
export const ATTENDANCE: ActionAudience = { role: 'ld_admin', refusal: 'Only L&D admins can mark attendance.' };
