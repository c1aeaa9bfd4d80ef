/**
 * Where a quote ends when its sentence is carried on by the next one. Directives state a point in one sentence and
 * go on with it in the next sentence of the same paragraph, often without naming the subject again ("Ủy ban nhân dân
 * xã rà soát … . Hoàn thành trước …") or pointing back at it ("Đây là …", "Từ đó, …"). A question worded after
 * the first sentence is then answered by the pair: the next sentence is quoted too when it opens by pointing back or
 * with the name of the body the question asks about, or when it writes a part of the question that neither the
 * quoted sentence nor the place it stands in (headings, document) says.
 */
import lexicon from './continuation.json' with { type: 'json' };
import type { SentenceTokens } from '../retrieval/sentence-score.js';
import type { Chunk } from '../types.js';

const BACK_REFERENCE = new RegExp(`^\\s*(?:${lexicon.backReferences.join('|')})\\b`);

/** How the question reads the next sentence against the quoted one. */
export interface NextSentenceReading {
  /** Share of the question's weight (0..1) the next sentence adds to the quoted one: what it writes that is not yet said. */
  added(quoted: SentenceTokens, next: SentenceTokens): number;
  /** The next sentence opens with the name of the body the question asks about ("Trưởng thôn phải …"): it says that body's part. */
  opensWithSubject(next: SentenceTokens): boolean;
}

/**
 * The next sentence adds at least this share of the question's weight (idf-weighted) to be quoted with it. A hand
 * setting on a plateau: 0.05 and 0.1 answer the home and unseen pools alike, 0.2 one home question fewer, unseen the same.
 */
export const ADDED_SHARE = 0.1;

/**
 * The end of the quote of sentence `index` (ending at `end`), run on over the next sentence of its paragraph when that
 * one carries it on; `end` when it does not, or when both would not fit `maxChars`.
 */
export function continuationEnd(chunk: Chunk, sentences: SentenceTokens[], index: number, end: number, reading: NextSentenceReading, maxChars: number): number {
  const next = chunk.sentences[index + 1];
  const start = chunk.sentences[index]!.start;
  if (!next || next.end - start > maxChars || !sameParagraph(chunk, end, next.start)) return end;
  const tokens = sentences[index + 1]!;
  const carriesOn = BACK_REFERENCE.test(tokens.joined) || reading.opensWithSubject(tokens) || reading.added(sentences[index]!, tokens) >= ADDED_SHARE;
  return carriesOn ? next.end : end;
}

/**
 * The text between two sentences keeps them in one paragraph: no blank line, and no list item starting the next line.
 * A single line break says nothing: a scan's lines break anywhere, and a long paragraph is cut into lines at its
 * sentences when it is chunked.
 */
function sameParagraph(chunk: Chunk, from: number, to: number): boolean {
  const between = chunk.text.slice(from, to);
  if (!between.includes('\n')) return true;
  if (/\n\s*\n/.test(between)) return false;
  return !LIST_ITEM.test(chunk.text.slice(to, to + 8));
}

/** A line that starts a list item or a numbered heading: "- ", "+ ", "a) ", "(1)", "1. ", "II.". */
const LIST_ITEM = /^\s*(?:[-–+•*]|[a-zđ]\)|\(?\d{1,2}[.)]|[IVX]{1,5}[.\-–])/u;
