import type { Page } from './layout';

export const privacy: Page = {
  title: 'Privacy notice for staff',
  body: `
<p>Weave is run by your employer. Your employer is the data controller for what Weave holds about you;
this notice explains what that is and who can see it. Your employer's own staff privacy notice and
records retention schedule apply too.</p>
<h2>What Weave holds</h2>
<ul>
<li>From HR's staff roster: your name, work email, job title, profession, team and service, line manager,
career stage, start date and professional registration.</li>
<li>What you set yourself: a preferred name, a professional supervisor, the days you work.</li>
<li>How to reach you in Teams, and your time zone, so messages arrive in working hours.</li>
<li>As you use it: your learning needs, plans, CPD records and reflections, and your answers to
supervision and appraisal prompts.</li>
</ul>
<h2>Why, and on what basis</h2>
<p>Weave supports your professional development, your supervision and appraisal, and your registration with
your regulator where you have one. These are part of your employment, so your employer relies on the
performance of your employment contract, its legal obligations and its public tasks — not on consent.
Optional wellbeing notes are special category data and are seen only by you and your line manager.</p>
<h2>Who can see what</h2>
<ul>
<li><strong>You</strong> see everything Weave holds about you.</li>
<li><strong>Your line manager</strong> (and your professional supervisor, where you have one) sees your plan,
your preparation for supervision and appraisal, and your CPD.</li>
<li><strong>Team channels</strong> only ever get anonymous team totals. No names, needs, reflections or
non-compliance are posted in a channel, and any number smaller than three is shown as "fewer than 3".</li>
<li><strong>The learning and development team</strong> sees organisation-wide totals, and who has booked the
learning it offers.</li>
</ul>
<h2>How long it is kept</h2>
<p>When HR records that you have left, Weave stops using your record and keeps it for the period your
employer's retention schedule sets for training records, then deletes it. You can have a copy of your
CPD record at any time.</p>
<h2>Your rights</h2>
<p>You can ask your employer's data protection officer for a copy of what is held about you, to correct
it, or to object to how it is used. HR details are corrected on HR's roster, and Weave picks the change up.</p>`,
};
