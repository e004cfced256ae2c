// What each tab API route answers: the contract between api/routes.ts and the tab's pages. Types
// only, so the browser bundle imports nothing from the server.
export type Fact = { title: string; value: string };

export interface SessionView {
  id: string;
  name: string;
  roles: string[];
  /** The pages this person may open, by role. */
  pages: ('me' | 'team' | 'org')[];
  devSignIn: boolean;
}

export interface PlanView {
  person: { id: string; name: string; jobTitle: string; profession: string; team: string };
  /** True when the viewer is looking at someone else's plan (as their manager or supervisor). */
  asManager: boolean;
  planYear: string;
  groups: { heading: string; needs: { heading: string; description: string; details: string[]; comments: string[]; status: string }[] }[];
  cpd: { period: string; headline: string; tone: 'good' | 'attention' | 'default'; checks: Fact[]; notes: string[]; records: { date: string; title: string; detail: string }[] };
  /** The person's team's agreed priorities for the year (their own plan only: a manager viewing a report's sees none). */
  teamPriorities: TeamPrioritiesView | null;
  /** "Plan year from …: agreed by you and Dana Hughes on …", or '' when no plan year shown is agreed. */
  agreement: string;
  /** What was agreed at the latest supervision (their own plan only). */
  agreedAtSupervision: { heading: string; lines: string[] } | null;
  /** Where they would like to go and the next step (their own plan only: it is theirs to share). */
  /** The person's own career pathway (never shown to anyone else here): where they are, their aim, the next step; the choices to change it. */
  pathway: {
    current: string; aim: string; facts: Fact[]; leading: string[];
    roles: Option[]; chosen: string; share: boolean;
    /** The next step can be added to their plan (not yet added). */
    canAdd: boolean;
  } | null;
  /** Mandatory learning that applies to them, as `my cpd` shows it. */
  mandatory: Fact[];
}

export interface ExportLinks {
  markdown: string;
  csv: string;
  hours: number;
}

export interface TeamView {
  team: string | null;
  isLead: boolean;
  headcount: number;
  /** The team's training plan by the same rules as its channel digest: totals only, groups under the threshold suppressed. */
  plan: { tooSmall: boolean; headline: string; chart: { label: string; value: number }[]; table: { label: string; value: string }[]; subHeadings: string[]; activities: string[]; suggestions: string[]; supervision: string; appraisal: string; mentoring: string } | null;
  summary: string;
  statusSummary: string;
  people: { id: string; name: string; role: string; status: Fact[]; learning: string[] }[];
  offers: { title: string; format: string; date: string; areas: string }[];
  /** The integration pulse: the team (or the service it is pooled into) against the organisation, by quarter. */
  pulse: TeamPulseView;
}

export interface OrgView {
  summary: string;
  mentoring: string;
  equityNote: string;
  /** Counts of people are null where hidden (fewer than the threshold), and the score with them. */
  priorities: { code: string; label: string; score: number | null; people: number | null; lines: string[] }[];
  /** Shares in whole percent. */
  equity: { dimension: string; heading: string; rows: { group: string; headcount: number; workforceShare: number; cpdShare: number; placesShare: number; underServed: boolean }[] }[];
  /** The latest learning triggers; source as people read it ("Practice review (rapid review or CSPR)"). */
  triggers: {
    id: string; source: string; summary: string; areas: string; dueDate: string | null; offerValues: Record<string, string>;
    /** "Practice review · learn by … · overdue", or "Closed …: note". */
    status: string; overdue: boolean; closed: boolean;
    /** How many of those it affects have learned from it, suppressed ("12 of 20 (60%)", "not shown (of 5)"). */
    learned: string;
  }[];
  /** Supervision held against the policy (by team, by profession) and what got in the way of learning: totals, groups under the threshold pooled. */
  loop: { supervisionNote: string; supervision: OrgSection[]; barriersNote: string; barriers: OrgSection[] };
  /** Mandatory learning by team and profession: people it applies to (never under the threshold) and counts, null where hidden. */
  /** Career aspirations and who has moved on, by profession, service, registered or not, qualified or not: counts null where hidden. */
  pathways: { note: string; tables: { heading: string; rows: { group: string; people: number; aiming: number | null; notNow: number | null; notSaid: number | null; moved: number | null }[] }[] };
  /** Turnover over 12 months by profession, service, team, career stage and tenure, beside CPD and places per head: leavers null where hidden. */
  turnover: { note: string; tables: { heading: string; rows: { group: string; people: number; leavers: number | null; ratePercent: number | null; cpdPerHead: number; placesPerHead: number }[] }[] };
  mandatory: { note: string; tables: { heading: string; rows: { group: string; people: number; upToDate: number | null; dueSoon: number | null; overdue: number | null }[] }[] };
  /** The integration pulse by service and profession over the quarters, with each group's cross-profession activity beside it. */
  pulse: OrgPulseView;
}

/** One group's pulse results for a quarter (whole percent agreeing), or null where not shown. */
export type PulseFiguresView = { responses: number; understand: number; contact: number; valued: number; learned: number } | null;

export interface OrgPulseView {
  quarters: { quarter: string; label: string }[];
  organisation: PulseFiguresView[];
  dimensions: {
    dimension: string;
    heading: string;
    rows: { group: string; trend: PulseFiguresView[]; falling: boolean; activity: { pairsMet: number | null; shadowing: number | null; mixedPlaces: number | null } }[];
  }[];
  flagged: { group: string; suggestion: string }[];
  note: string;
  activityNote: string;
}

export interface TeamPulseView {
  quarters: { quarter: string; label: string; mine: { level: 'team' | 'service' | 'organisation'; name: string; figures: NonNullable<PulseFiguresView> } | null; organisation: PulseFiguresView }[];
  note: string;
}

export interface OrgSection {
  heading: string;
  rows: { title: string; value: string }[];
}

export interface Option {
  value: string;
  title: string;
}

export interface ComposerOptions {
  formats: Option[];
  durations: Option[];
  areas: Option[];
  professions: Option[];
  teams: Option[];
  registration: Option[];
  /** How places go, and the groups places can be reserved for. */
  allocation: Option[];
  groups: Option[];
  defaults: Record<string, string>;
}

export interface OfferPreview {
  card: Record<string, unknown>;
  /** "It goes to 12 people." (counts of people with a need are shown as a digest's are). */
  audience: string;
  /** Sending must quote this: proves the offer sent is the one previewed. */
  digest: string;
  /** Who would have the places if it filled by its rules (suppressed), in lines. */
  reach: string[];
  /** A reservation for an under-served group, as the composer's values to fill in. */
  suggestion: { label: string; values: Record<string, string> } | null;
}

/** Counts of recipients are words: with "only people with a need" small ones read "fewer than 3". */
export interface OfferProgress {
  id: string;
  title: string;
  format: string;
  date: string;
  status: string;
  audience: string;
  sent: string;
  notReached: string;
  /** Deliveries still going, or null when every one has ended. */
  pending: string | null;
  booked: number;
  capacity: number;
  waiting: number;
  held: number;
  /** Why it was not for people, as they said (totals, small counts hidden), or ''. */
  whyNot: string;
  /** How places go when not simply first come (applications, places reserved), or ''. */
  places: string;
  /** What attendees said it was worth, rolled up, or '' (offers from a trigger or a commissioning line). */
  evaluation: string;
}

/** Local development only: a person the dev sign-in offers. */
export interface DevSignInPerson {
  id: string;
  name: string;
  jobTitle: string;
  /** Roles beyond practitioner, as people read them ("Line manager", "L&D admin"). */
  roles: string[];
  /** One of the people the README walks through (Priya, Dana, Morgan): listed first, Priya chosen by default. */
  featured: boolean;
}

export interface AgreedPriorityView {
  code: string;
  /** "CC3 Safeguarding" */
  label: string;
  why: string;
  /** "Summer 2027" */
  term: string;
}

/** A team's agreed priorities for the organisation's year, and what a manager needs to agree them. */
export interface TeamAgreementView {
  team: string | null;
  /** Only the team's lead (the manager most of it reports to) may agree. */
  isLead: boolean;
  /** "2026–27" */
  year: string;
  agreeBy: string;
  maxPriorities: number;
  terms: string[];
  /** Every Common Core area and sub-heading. */
  codes: Option[];
  /** The team plan's most needed areas, as a starting point. */
  suggested: Option[];
  current: { version: number; priorities: AgreedPriorityView[]; agreedByName: string; agreedAt: string; earlierVersions: number } | null;
  /** The team's mean self-rating per area beside the organisation's (null where hidden). */
  benchmark: { area: string; label: string; team: number | null; organisation: number | null }[];
}

/** A member's view of their team's agreed priorities: the team's, never who needs what. */
export interface TeamPrioritiesView {
  team: string;
  year: string;
  priorities: (AgreedPriorityView & { touchesYou: boolean })[];
}

export interface CommissionLineView {
  id: string;
  /** Send back with a change: a line changed by someone else meanwhile is refused. */
  etag: string;
  title: string;
  code: string;
  codeLabel: string;
  format: string;
  formatLabel: string;
  /** Who it is for, in words ("Social worker; PaCT"). */
  audience: string;
  provider: string;
  places: number;
  offered: number;
  booked: number;
  attended: number;
  /** What attendees said its offers were worth, rolled up, or ''. */
  evaluation: string;
  estimated: string;
  actual: string | null;
  budgetLine: string;
  status: string;
  statusLabel: string;
  /** The statuses it may move to next (one step either way); `back` when it is the step before. */
  moves: (Option & { back: boolean })[];
  /** The form's values for editing it, and the offer composer's for an offer made from it. */
  values: Record<string, string>;
  offerValues: Record<string, string>;
}

export interface ReachView {
  heading: string;
  /** Counts in words where they are hidden ("fewer than 3"). */
  rows: { group: string; headcount: number; places: string; placesPerHead: string; spent: string; spentPerHead: string }[];
}

export interface BenchmarkView {
  year: string;
  respondents: number;
  areas: { area: string; label: string; mean: number | null; lastYear: number | null; distribution: string[] }[];
  byProfession: { group: string; respondents: number; means: (number | null)[] }[];
  byService: { group: string; respondents: number; means: (number | null)[] }[];
}

/** L&D's plan for the year: commissioning, budget, reach per head, the benchmark, teams agreed. */
export interface YearPlanView {
  year: string;
  lines: CommissionLineView[];
  budget: { total: string; committed: string; spent: string; left: string; lines: { name: string; budget: string; committed: string; spent: string }[]; etag: string | null; values: { name: string; pounds: string }[] };
  reach: ReachView[];
  benchmark: BenchmarkView;
  teams: { agreed: number; of: number; agreeBy: string; due: boolean };
  options: { codes: Option[]; formats: Option[]; professions: Option[]; services: Option[]; teams: Option[]; staff: Option[]; registration: Option[] };
}
