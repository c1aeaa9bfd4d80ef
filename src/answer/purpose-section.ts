/**
 * "Phương án này nhằm mục đích gì?", "… cần đáp ứng những yêu cầu gì?": a question that
 * asks a document's purpose or requirements, and names nothing else, is answered by the document's own
 * "Mục đích" / "Yêu cầu" section, not by a sentence that repeats the document's name.
 */
import { namingWords, refKeysOf, type QueryAnalysis } from '../retrieval/query.js';
import { documentTokens, ownRefKeys } from '../retrieval/sentence-cache.js';
import type { Idf } from '../retrieval/sentence-score.js';
import { withinOneEdit } from '../text/edit-distance.js';
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Chunk, Passage } from '../types.js';
import type { ListSection } from './section-list.js';

const ASKS = [
  { heading: ['muc', 'dich'], pattern: /\b(muc dich|nham gi|purposes?|aims?|objectives?)\b/ },
  // "Yêu cầu đối với việc quán triệt … là gì": the noun, not the verb ("Kế hoạch yêu cầu gì đối với …").
  { heading: ['yeu', 'cau'], pattern: /\b(nhung|cac) yeu cau (gi|nao)\b|\byeu cau (la gi|gom|ra sao)\b|^(?:[a-z]+ ){0,2}yeu cau (doi voi|cua) .*\bla gi\b|\brequirements?\b/ },
];

/** Words that say what is done with a document ("quán triệt", "triển khai"), not what is asked of it. */
const HANDLING = new Set(['quan', 'triet', 'tuyen', 'truyen', 'pho', 'bien', 'trien', 'khai', 'thuc', 'hien', 'nghien', 'cuu', 'viec', 'de', 'ra', 'dap', 'ung', 'can', 'nham']);
const NONE = new Set<string>();
/** Share of the question's weight its document's name and the handling words may leave unexplained. */
const MAX_LEFTOVER = 0.15;

/** A heading that is, word for word, the one asked for (a scan's "Muc dich", "Yéu ciu": one edit per word). */
function isHeading(title: string, wanted: string[]): boolean {
  const words = foldedSyllables(title).filter((w) => !/^(\d+|[ivx]+)$/.test(w));
  return words.length === wanted.length && words.every((w, i) => w === wanted[i] || (w.length >= 3 && withinOneEdit(w, wanted[i]!)));
}

export function purposeSection(analysis: QueryAnalysis, passages: Passage[], idf: Idf, chunksOf: (docId: string) => Chunk[]): ListSection | undefined {
  if (analysis.english) return undefined;
  const folded = fold(analysis.question);
  const asked = ASKS.find((a) => a.pattern.test(folded));
  if (!asked) return undefined;
  const weights = analysis.content.map((t) => ({ term: t.term, weight: t.weight * Math.max(0.2, idf(t.term)) }));
  const total = weights.reduce((sum, t) => sum + t.weight, 0);
  // The document the question names by its number, type, issuer or title; when two are named as well
  // ("quán triệt Kế hoạch 22": the plan, and the guidance titled so), the one whose name says more of the question.
  // Between equals, the document the question names by its own number ("Kế hoạch 22" is the plan, not the guidance about it).
  const keys = refKeysOf(analysis);
  const ownNumber = (p: Passage) => (ownRefKeys(p.doc).some((k) => keys.has(k)) ? 1 : 0);
  const leftover = (named: Set<string>, ignored: Set<string>) => weights.filter((t) => !named.has(t.term) && !ignored.has(t.term) && !asked.heading.includes(t.term)).reduce((sum, t) => sum + t.weight, 0);
  const named = [...new Map(passages.slice(0, 3).map((p) => [p.doc.id, p])).values()]
    // Its title words a scan misread name it too (namingWords).
    .map((p) => ({ p, words: new Set([...documentTokens(p.doc), ...foldedSyllables(p.doc.title), ...namingWords(analysis, p.doc)]) }))
    .filter(({ words }) => leftover(words, HANDLING) <= MAX_LEFTOVER * total)
    .sort((a, b) => leftover(a.words, NONE) - leftover(b.words, NONE) || ownNumber(b.p) - ownNumber(a.p));
  const passage = named[0]?.p;
  if (!passage) return undefined;
  const chunks = chunksOf(passage.doc.id);
  const chunk = chunks.find((c) => isHeading(c.sectionTitle, asked.heading));
  if (chunk) return { passage, path: chunk.section, title: chunk.sectionTitle, items: [chunk] };
  // "I. MỤC ĐÍCH, YÊU CẦU" with numbered items: the one section states both, item by item.
  const joint = chunks.find((c) => isHeading(c.sectionTitle, JOINT_HEADING));
  if (!joint) return undefined;
  // Its items (the first chunk of each, in document order), or the section itself when it has none.
  const items = chunks.filter((c) => c.section.startsWith(`${joint.section}.`));
  const firsts = items.filter((c, i) => items.findIndex((o) => o.section === c.section) === i);
  return { passage, path: joint.section, title: joint.sectionTitle, items: firsts.length ? firsts : [joint] };
}

/** The heading most plans give their purposes and requirements together. */
const JOINT_HEADING = ['muc', 'dich', 'yeu', 'cau'];
