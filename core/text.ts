// Text people typed, shown in fields Teams reads as Markdown (TextBlock, FactSet). Formatting
// marks are harmless; a Markdown link is not (a job title that is a "Reset your password" link),
// so link syntax is broken with an invisible space and shows as typed.
export function plain(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(');
}

/** At most `max` characters, ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
