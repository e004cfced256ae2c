import type { Page } from './layout';

export const about: Page = {
  title: 'About Weave',
  body: `
<p>Weave runs continuous professional development (CPD) in Microsoft Teams for everyone who works in
children's services: social workers, teachers, nursery nurses, educational psychologists, early help,
youth justice and health staff, registered or not.</p>
<p>It builds on what staff already have — supervision and appraisal. Before each session Weave asks you,
in your 1:1 chat, what has gone well, what is hard and what you want to learn. What you name goes into your
Learning Development Plan, your team's training plan and the organisation's learning and development plan.
It matches people with mentors and shadowing hosts from other professions, and lets the learning and
development team offer places to the people who need them most.</p>
<h2>Getting started</h2>
<p>Open Weave in Teams and type <strong>help</strong>.</p>`,
};
