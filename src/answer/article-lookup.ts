/**
 * Questions about a document's articles as parts of it: "Điều 7 … quy định gì / nói về việc gì?" (the
 * article's title and its text) and "Điều nào quy định …?" (the article whose title and text say what is
 * asked). Articles are read from the chunks' labels ("Điều 10", "Điều 10 của Quy chế kèm theo") and the
 * heading line each article opens with; quotes are verbatim spans of a chunk.
 */
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import { DOCUMENT_TYPES } from '../text/document-types.js';
import type { Chunk, DocumentMeta } from '../types.js';

export type ArticleQuestion = { mode: 'which' } | { mode: 'count' } | { mode: 'content'; article: string; clause?: string };

/** "điều nào", "điều mấy", "điều khoản nào", "which article": the question asks for an article's number. */
const WHICH = /\b(?:dieu|dieu khoan) (?:nao|may|so may|so bao nhieu|thu may)\b|\b(?:which|what) (?:article|provision)\b/;
/** "Điều 7 (…) quy định gì / nói (về) gì / nói về việc gì / có nội dung gì / gồm những gì", at the question's end. */
const WHAT_IT_SAYS =
  /\b(?:quy dinh|noi|de cap|neu|gom|bao gom|co|ban)(?: (?:ve|den|toi))? (?:nhung )?(?:gi|viec gi|van de gi|noi dung gi|dieu gi|nhung gi|noi dung nao|van de nao|viec nao)$|\bnoi dung (?:gi|la gi|nhu the nao|ra sao)$|\bwhat does (?:article|clause) \d+\b.*\b(?:say|provide|cover|regulate|state)$|\b(?:article|clause) \d+\b.*\babout$/;
const ARTICLE = /\b(?:dieu|article) (\d+)\b/;
/** "gồm bao nhiêu điều", "có mấy điều", "how many articles". */
const COUNT = /\b(?:co|gom|bao gom|chia (?:thanh|lam)) (?:tat ca |tong cong |tong so )?(?:bao nhieu|may) dieu\b|\bhow many articles\b/;
const CLAUSE = /\b(?:khoan|clause) (\d+)\b/;

/** Words that only ask for an article, not what it is about. */
const ASKING = new Set(['dieu', 'khoan', 'nao', 'may', 'quy', 'dinh', 'noi', 've', 'viec', 'van', 'de', 'cap', 'trong', 'o', 'tai', 'cua', 'duoc', 'la', 'gi', 'co', 'nhung', 'cac', 'theo', 'thi', 'which', 'article', 'what']);

export function articleQuestion(question: string): ArticleQuestion | undefined {
  const folded = fold(question).toLowerCase().replace(/[?!.,;:"“”()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (WHICH.test(folded)) return { mode: 'which' };
  if (COUNT.test(folded)) return { mode: 'count' };
  const article = ARTICLE.exec(folded)?.[1];
  if (!article || !WHAT_IT_SAYS.test(folded)) return undefined;
  const clause = CLAUSE.exec(folded)?.[1];
  return { mode: 'content', article, ...(clause ? { clause } : {}) };
}

/** An article of a document: its chunks in order, its number and title, whether it belongs to an attached text. */
interface Article {
  number: string;
  attached: boolean;
  chunks: Chunk[];
  /** The heading line ("Điều 10. Sơ tán, di dời dân cư") in the first chunk, when it is there. */
  heading?: { start: number; end: number };
  title: string;
}

function articlesOf(chunks: Chunk[]): Article[] {
  const byKey = new Map<string, Article>();
  for (const chunk of chunks) {
    const m = /^Điều (\d+)\b/u.exec(chunk.sectionLabel ?? '');
    if (!m) continue;
    const attached = /kèm theo/u.test(chunk.sectionLabel!);
    const key = `${attached ? 'a' : 'o'}${m[1]}`;
    const known = byKey.get(key);
    if (known) {
      known.chunks.push(chunk);
      continue;
    }
    const line = new RegExp(`^[ \\t]*Điều\\s+${m[1]}\\s*[.:]?[ \\t]*(.*)$`, 'mu').exec(chunk.text);
    const heading = line ? { start: line.index + line[0].length - line[0].trimStart().length, end: line.index + line[0].trimEnd().length } : undefined;
    byKey.set(key, { number: m[1]!, attached, chunks: [chunk], ...(heading ? { heading } : {}), title: line?.[1]?.trim() || chunk.sectionTitle });
  }
  return [...byKey.values()];
}

/** "Điều 10", "Điều 10 của Quy chế kèm theo": the article as its chunks are labelled, without clause or point. */
function articleLabel(article: Article): string {
  return article.chunks[0]!.sectionLabel!.replace(/,\s*khoản\s+\d+(?:,\s*điểm\s+[\p{L}\d]+)?/u, '');
}

/** The question names the attached text's type ("Điều 5 của Quy chế") rather than the document's own ("Quyết định"). */
function asksAttached(foldedQuestion: string, meta: DocumentMeta): boolean {
  const own = meta.docType ? fold(meta.docType).toLowerCase() : undefined;
  return DOCUMENT_TYPES.some((t) => t.attachable && t.folded !== own && foldedQuestion.includes(t.folded));
}

export interface ArticleQuote {
  chunk: Chunk;
  span: { start: number; end: number };
  fact: string;
}

/**
 * What the question asks the article to be about, word → weight: its own words, less those asking for an
 * article and those naming the document (a run of two or more words its title or issuer writes in a row:
 * "quy chế làm việc", not the "chế" of "chế độ họp"), plus the retriever's expansions at their weight.
 */
function topicWeights(question: string, meta: DocumentMeta, content: Array<{ term: string; weight: number }>): Map<string, number> {
  const words = foldedSyllables(question);
  const naming = foldedSyllables([meta.title, meta.issuer ?? '', meta.docType ?? '', meta.summary ?? ''].join(' \n '));
  const pairs = new Set(naming.slice(1).map((w, i) => `${naming[i]} ${w}`));
  const names = words.map((w, i) => pairs.has(`${words[i - 1]} ${w}`) || pairs.has(`${w} ${words[i + 1]}`));
  const out = new Map<string, number>();
  words.forEach((w, i) => {
    if (!names[i] && !ASKING.has(w) && /\p{L}/u.test(w)) out.set(w, 1);
  });
  for (const t of content) if (!out.has(t.term) && !ASKING.has(t.term) && !words.includes(t.term)) out.set(t.term, Math.min(1, t.weight));
  return out;
}

/** Whole lines from `start` while they fit in `maxChars` (at least the first). */
function linesFrom(text: string, start: number, end: number, maxChars: number): { start: number; end: number } {
  let stop = text.indexOf('\n', start);
  if (stop < 0 || stop > end) stop = end;
  while (stop < end) {
    const next = text.indexOf('\n', stop + 1);
    const candidate = next < 0 || next > end ? end : next;
    if (candidate - start > maxChars) break;
    stop = candidate;
  }
  return { start, end: text.slice(start, stop).trimEnd().length + start };
}

/** "Điều 7 … quy định gì": the article's (or clause's) heading and text, from the first document that has it. */
export function articleContent(asked: Extract<ArticleQuestion, { mode: 'content' }>, documents: DocumentMeta[], chunksOf: (docId: string) => Chunk[], question: string, maxChars = 700): ArticleQuote | undefined {
  const folded = fold(question).toLowerCase();
  for (const meta of documents) {
    const articles = articlesOf(chunksOf(meta.id)).filter((a) => a.number === asked.article);
    if (!articles.length) continue;
    const attached = asksAttached(folded, meta);
    const article = articles.find((a) => a.attached === attached) ?? articles[0]!;
    const where = articleLabel(article);
    if (asked.clause) {
      for (const chunk of article.chunks) {
        const label = `Điều ${article.number}, khoản ${asked.clause}`;
        const parts = chunk.parts ?? [];
        const at = parts.findIndex((p) => p.sectionLabel === label || p.sectionLabel.startsWith(`${label},`) || p.sectionLabel.startsWith(`${label} `));
        if (at < 0) continue;
        const next = parts.slice(at + 1).find((p) => !p.sectionLabel.startsWith(`${label},`));
        const span = linesFrom(chunk.text, parts[at]!.at, next ? next.at : chunk.text.length, maxChars);
        return { chunk, span, fact: `Khoản ${asked.clause} ${where} (${article.title}) quy định:` };
      }
    }
    const chunk = article.chunks[0]!;
    const start = article.heading?.start ?? 0;
    return { chunk, span: linesFrom(chunk.text, start, chunk.text.length, maxChars), fact: `${where} – ${article.title}:` };
  }
  return undefined;
}

/** "Quy chế có bao nhiêu điều": the articles of the text asked about (the attached one, or the document's own), the last one's heading quoted. */
export function articleCount(meta: DocumentMeta, chunks: Chunk[], question: string): ArticleQuote | undefined {
  const articles = articlesOf(chunks);
  const attached = asksAttached(fold(question).toLowerCase(), meta);
  const pool = articles.some((a) => a.attached === attached) ? articles.filter((a) => a.attached === attached) : articles;
  const last = pool.reduce<Article | undefined>((max, a) => (!max || Number(a.number) > Number(max.number) ? a : max), undefined);
  if (!last?.heading || pool.length < 2 || pool.length !== Number(last.number)) return undefined;
  const what = last.attached ? (DOCUMENT_TYPES.find((t) => t.attachable && fold(question).toLowerCase().includes(t.folded))?.name ?? 'Văn bản kèm theo') : (meta.docType ?? 'Văn bản');
  return { chunk: last.chunks[0]!, span: last.heading, fact: `${what} gồm ${pool.length} điều (Điều 1 – Điều ${last.number}); điều cuối:` };
}

/**
 * "Điều nào quy định …": the article of the document whose title and text hold the question's words (weighted
 * by how few of the document's articles hold them; a title counts three times the text). Undefined when no
 * article holds at least a third of what is asked.
 */
export function whichArticle(meta: DocumentMeta, chunks: Chunk[], content: Array<{ term: string; weight: number }>, question: string): ArticleQuote | undefined {
  const articles = articlesOf(chunks);
  if (articles.length < 2) return undefined;
  const folded = fold(question).toLowerCase();
  const attached = asksAttached(folded, meta);
  const pool = articles.some((a) => a.attached === attached) ? articles.filter((a) => a.attached === attached) : articles;
  const weights = topicWeights(question, meta, content);
  const topic = [...weights.keys()];
  if (!topic.length) return undefined;
  const words = pool.map((a) => ({ title: new Set(foldedSyllables(a.title)), body: new Set(a.chunks.flatMap((c) => foldedSyllables(c.text))) }));
  const idf = new Map(topic.map((t) => [t, Math.log(1 + pool.length / (1 + words.filter((w) => w.body.has(t) || w.title.has(t)).length))]));
  const weight = (t: string) => idf.get(t)! * weights.get(t)!;
  const total = topic.reduce((sum, t) => sum + 3 * weight(t), 0);
  const scored = pool.map((article, i) => ({
    article,
    score: topic.reduce((sum, t) => sum + weight(t) * (words[i]!.title.has(t) ? 3 : words[i]!.body.has(t) ? 1 : 0), 0) / total,
  }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  if (best.score < 1 / 3 || !best.article.heading) return undefined;
  const chunk = best.article.chunks[0]!;
  const span = linesFrom(chunk.text, best.article.heading.start, chunk.text.length, 400);
  return { chunk, span, fact: `${articleLabel(best.article)} (${best.article.title}) quy định nội dung này:` };
}
