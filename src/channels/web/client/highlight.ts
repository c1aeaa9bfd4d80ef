/** Locates a quoted excerpt in a text, tolerant of whitespace differences (no DOM). */
export interface Span {
  start: number;
  end: number;
}

function collapse(text: string): { value: string; map: number[] } {
  let value = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!space && value) {
        value += ' ';
        map.push(i);
      }
      space = true;
    } else {
      value += ch;
      map.push(i);
      space = false;
    }
  }
  return { value, map };
}

export function findQuote(text: string, quote: string): Span | undefined {
  const needle = collapse(quote.replace(/^[\s“"…]+|[\s”"…]+$/g, '')).value.trimEnd();
  if (!needle) return undefined;
  const hay = collapse(text);
  let at = hay.value.indexOf(needle);
  if (at < 0) at = hay.value.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return undefined;
  const start = hay.map[at]!;
  const end = hay.map[at + needle.length - 1]! + 1;
  return { start, end };
}
