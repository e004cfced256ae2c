// The public pages Teams links to from the app's details (about, privacy, terms): plain,
// readable HTML with no scripts, fit for a council's staff to read.
export interface Page {
  title: string;
  /** Trusted HTML written in this repository, never text people typed. */
  body: string;
}

export function renderPage(page: Page): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Weave</title>
<style>
  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
  h1 { color: #1F6F78; font-size: 1.75rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  a { color: #1F6F78; }
  @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #eee; } h1, a { color: #7cc7cf; } }
</style>
</head>
<body><main>
<h1>${page.title}</h1>
${page.body}
<p><a href="about">About Weave</a> · <a href="privacy">Privacy</a> · <a href="terms">Terms of use</a></p>
</main></body>
</html>
`;
}
