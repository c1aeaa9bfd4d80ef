/**
 * Answers rewritten for Zalo: plain text (Zalo shows markdown literally) and
 * compact sources, e.g. `[1] KH 22-KH/TU (16/01/2026), mục II.2.3.b`.
 */
import { citationPlace, displayDate } from '../../answer/format.js';
import type { AskResponse, Citation } from '../../types.js';
import { zaloMessages, type SplitOptions } from './split.js';

export function compactCitation(citation: Citation): string {
  const { docNumber } = citation;
  // "22-KH/TU" carries the document type code (KH, HD, KL, NQ, CT…).
  const typeCode = docNumber?.match(/^[^-\s]+-([A-ZĐ]+)/u)?.[1];
  const label = docNumber ? `${typeCode ? `${typeCode} ` : ''}${docNumber}` : shorten(citation.title, 60);
  const date = displayDate(citation.date);
  const where = citationPlace(citation);
  return `[${citation.n}] ${label}${date ? ` (${date})` : ''}, ${where}`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Drops markdown an LLM answer may contain; keeps [n] markers. */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\[([^\]\n]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^(\s*)[-*+]\s+/gm, '$1• ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text cannot bold: the clause of each quote that answers (`span`) is set off with «…». */
export function markSpans(answer: string, citations: Citation[]): string {
  let text = answer;
  for (const { quote, span } of citations) {
    if (!span || span[0] < 0 || span[1] <= span[0] || span[1] > quote.length || !text.includes(quote)) continue;
    text = text.replace(quote, `${quote.slice(0, span[0])}«${quote.slice(span[0], span[1])}»${quote.slice(span[1])}`);
  }
  return text;
}

/** The Zalo messages for an answer: the text, then "Nguồn:" with one line per citation. */
export function formatReply(reply: Pick<AskResponse, 'answer' | 'citations'>, options?: SplitOptions): string[] {
  const footer = reply.citations.length ? ['Nguồn:', ...reply.citations.map(compactCitation)].join('\n') : undefined;
  return zaloMessages(plainText(markSpans(reply.answer, reply.citations)), footer, options);
}
