/**
 * Splits a reply into Zalo messages: each ≤ 2,000 characters, at most 3 (the
 * 48-hour window gives 8 free replies per user message), cut at paragraph,
 * then sentence, then line, then word boundaries, in order.
 */
export const ZALO_MAX_CHARS = 2000;
export const ZALO_MAX_MESSAGES = 3;
export const SHORTENED_NOTE = '… (Câu trả lời đã được rút gọn; vui lòng hỏi cụ thể hơn để xem chi tiết.)';

// A sentence end, with closing quotes/brackets and trailing citation markers ("…phút.” [1]").
const SENTENCE_END = /[.!?…]["”’»)\]]*(?:\s?\[\d+\])*(?=\s|$)/gu;

/** Where to cut `text` so the head is ≤ max characters: the best boundary, never a tiny head. */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const window = text.slice(0, max + 1);
  const min = Math.floor(max * 0.3);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph >= min) return paragraph;
  let sentence = -1;
  for (const m of window.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end <= max) sentence = end;
  }
  if (sentence >= min) return sentence;
  const line = window.lastIndexOf('\n');
  if (line >= min) return line;
  const space = window.lastIndexOf(' ');
  if (space >= min) return space;
  return max;
}

/** Cuts text into pieces of ≤ max characters at the best boundaries. */
export function splitText(text: string, max = ZALO_MAX_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

export interface SplitOptions {
  maxChars?: number;
  maxMessages?: number;
}

/**
 * The messages for one reply: `body` then `footer` (the sources, always kept).
 * A body too long for the message budget is shortened at a sentence boundary.
 */
export function zaloMessages(body: string, footer?: string, options: SplitOptions = {}): string[] {
  const maxChars = options.maxChars ?? ZALO_MAX_CHARS;
  const maxMessages = options.maxMessages ?? ZALO_MAX_MESSAGES;
  const compose = (b: string) => (footer ? `${b.trim()}\n\n${footer.trim()}` : b.trim());
  let pieces = splitText(compose(body), maxChars);
  if (pieces.length <= maxMessages) return pieces;
  for (let budget = maxChars * maxMessages - (footer?.length ?? 0) - SHORTENED_NOTE.length - 4; budget > 0; budget -= Math.ceil(maxChars / 10)) {
    const head = body.trim().slice(0, cutPoint(body.trim(), budget)).trimEnd();
    pieces = splitText(compose(`${head}\n${SHORTENED_NOTE}`), maxChars);
    if (pieces.length <= maxMessages) return pieces;
  }
  return pieces.slice(0, maxMessages);
}
