/**
 * A refusal suggests documents "liên quan nhất" only when one is: a retrieved passage that says two of the
 * question's content words side by side, as the question does ("hội nghị", "tham luận"). An off-topic
 * question ("thời tiết …") shares single syllables with any long text, rarely a pair; then the refusal says
 * so without pointing at unrelated documents.
 */
import type { QueryAnalysis } from '../retrieval/query.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Passage } from '../types.js';
import type { AnswerDraft } from './extractive.js';

/** The refusal's list of documents: its heading line and the bullets under it. */
const SUGGESTIONS = /\nCác văn bản liên quan nhất có thể tra cứu:(?:\n• [^\n]*)+/;

/** Adjacent pairs of the question's content syllables, as "a b". */
function contentPairs(analysis: Pick<QueryAnalysis, 'question' | 'text' | 'content'>): Set<string> {
  const content = new Set(analysis.content.map((t) => t.term));
  const pairs = new Set<string>();
  for (const text of new Set([analysis.question, analysis.text])) {
    const words = foldedSyllables(text);
    for (let i = 1; i < words.length; i++) if (content.has(words[i - 1]!) && content.has(words[i]!)) pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return pairs;
}

/** Some passage says what the question is about: one of its content pairs, or its only content word. */
export function somethingClose(analysis: Pick<QueryAnalysis, 'question' | 'text' | 'content'>, passages: Passage[]): boolean {
  const pairs = contentPairs(analysis);
  const single = analysis.content.length === 1 ? analysis.content[0]!.term : undefined;
  if (!pairs.size && !single) return false;
  return passages.some(({ chunk }) => {
    const words = foldedSyllables(chunk.text);
    if (single) return words.includes(single);
    for (let i = 1; i < words.length; i++) if (pairs.has(`${words[i - 1]} ${words[i]}`)) return true;
    return false;
  });
}

/** A refusal without its list of "related" documents when none of them is. */
export function withoutUnrelated(draft: AnswerDraft, analysis: Pick<QueryAnalysis, 'question' | 'text' | 'content'>, passages: Passage[]): AnswerDraft {
  if (draft.answered || !SUGGESTIONS.test(draft.answer) || somethingClose(analysis, passages)) return draft;
  return { ...draft, answer: draft.answer.replace(SUGGESTIONS, '') };
}
