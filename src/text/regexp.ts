/** Text as a regular expression that matches it literally ("1.350 m2" → "1\.350 m2"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
