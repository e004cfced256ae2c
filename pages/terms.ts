import type { Page } from './layout';

export const terms: Page = {
  title: 'Terms of use',
  body: `
<p>Weave is for the staff of the organisation that runs it, for their professional development. Use it as
you would any work system, under your employer's acceptable use and information governance policies.</p>
<h2>Keep children and families out of it</h2>
<p>Reflections and learning needs are about your practice. Do not put the names, dates of birth, addresses
or case numbers of children, young people or families into Weave: use the case recording system for those.
Weave warns you if something you write looks like it identifies someone.</p>
<h2>Channels</h2>
<p>What Weave posts in a team channel is anonymous. Please keep it that way in any discussion that follows.</p>
<h2>Availability</h2>
<p>Weave runs on your employer's Microsoft 365 and Azure services. Supervision and appraisal still happen if
Weave is unavailable; it helps you prepare for them, it does not replace them.</p>`,
};
