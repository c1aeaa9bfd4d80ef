/**
 * The reading of a part of a scanned text. A reading has the scan's words one
 * for one (see SyllableReader), so the words of a quote found in the scan are
 * the same-numbered words of the reading, with the scan's spacing between them.
 */

function words(text: string): Array<{ start: number; end: number; word: string }> {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0] }));
}

/** The reading of `text.slice(start, end)` (whole words), or undefined when the reading does not match the text. */
export function sliceReading(text: string, reading: string, start: number, end: number): string | undefined {
  const scanned = words(text);
  const read = words(reading);
  if (scanned.length !== read.length) return undefined;
  const first = scanned.findIndex((w) => w.end > start);
  let last = -1;
  for (let i = scanned.length - 1; i >= 0; i--) {
    if (scanned[i]!.start < end) {
      last = i;
      break;
    }
  }
  if (first < 0 || last < first) return undefined;
  let out = read[first]!.word;
  for (let i = first + 1; i <= last; i++) out += text.slice(scanned[i - 1]!.end, scanned[i]!.start) + read[i]!.word;
  return out;
}

/** The reading of `quote`, a verbatim part of `text`; undefined when the quote is not found in it. */
export function readingOfQuote(text: string, reading: string, quote: string): string | undefined {
  const core = quote.replace(/^[\s…"“]+|[\s…"”]+$/g, '');
  const at = text.indexOf(core);
  if (at < 0 || !core) return undefined;
  const read = sliceReading(text, reading, at, at + core.length);
  // The quote may start or end inside a word: keep what it shows around the reading (its ellipses).
  return read === undefined ? undefined : quote.slice(0, quote.indexOf(core[0]!)) + read + (quote.endsWith('…') && !read.endsWith('…') ? '…' : '');
}
