// The Weave tab's JSON API: every route, with who may call it, declared once (one file per page).
// Every call carries a bearer token (api/tokens.ts); the caller is looked up on HR's roster and
// authorised by role — a practitioner sees only themself, a manager their own reports, L&D the
// organisation's figures (never one person's plan). Bad input gets 400 with what to fix.
import type { ApiRoute } from './route';
import { OFFER_ROUTES } from './routes/offers';
import { ORG_ROUTES } from './routes/org';
import { PEOPLE_ROUTES } from './routes/people';
import { TEAM_ROUTES } from './routes/team';
import { YEAR_PLAN_ROUTES } from './routes/yearPlan';

export type { ApiCall, ApiResult, ApiRoute, Audience } from './route';
export { badRequest, forbidden } from './route';

export const API_ROUTES: readonly ApiRoute[] = [...PEOPLE_ROUTES, ...TEAM_ROUTES, ...ORG_ROUTES, ...YEAR_PLAN_ROUTES, ...OFFER_ROUTES];
