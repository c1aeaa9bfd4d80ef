/**
 * Statute laws (ALQAC legal_passages.json: `[{ id: "Luật Viên chức 2010", articles:
 * [{ id: "29", text }] }]`) written as documents the way laws are published:
 * issuer, national motto, title in capitals, then "Điều N. <title>" and its
 * clauses. Built at eval and test time from the JSON; the data is never committed.
 */
import { fold } from '../text/fold.js';

export interface LawArticle {
  id: string;
  /** The article's title line, a blank line, then its clauses (Hiến pháp: no title line). */
  text: string;
}

export interface LawPassages {
  /** "Luật Viên chức 2010", "Bộ Luật Dân sự 2015", "Hiến pháp 2013". */
  id: string;
  articles: LawArticle[];
}

export interface LawDocument {
  fileName: string;
  text: string;
}

/** "Luật Viên chức 2010" → "luat-vien-chuc-2010.txt". */
function fileNameOf(id: string): string {
  return `${fold(id).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.txt`;
}

/** "Luật Viên chức 2010" → "LUẬT VIÊN CHỨC"; "Bộ Luật Dân sự 2015" → "BỘ LUẬT DÂN SỰ". */
function titleOf(id: string): string {
  return id.replace(/\s+\d{4}\s*$/, '').trim().toUpperCase();
}

/** Splits an article's text into its title line (when it has one) and its body. */
function titleAndBody(text: string): { title?: string; body: string } {
  const trimmed = text.trim();
  const blank = trimmed.indexOf('\n\n');
  const first = blank >= 0 ? trimmed.slice(0, blank).trim() : '';
  // A title is one short line without a clause number or a sentence's full stop ("Phạm vi điều chỉnh").
  if (first && !first.includes('\n') && first.length <= 200 && !/^\d+\.\s|^[a-zđ]\)\s/u.test(first) && !/[.;:]$/.test(first)) {
    return { title: first, body: trimmed.slice(blank).trim() };
  }
  return { body: trimmed };
}

/** One law laid out as published: issuer, motto, title, then its articles. */
function lawText(law: LawPassages): string {
  const lines = ['QUỐC HỘI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', titleOf(law.id), ''];
  for (const article of law.articles) {
    const { title, body } = titleAndBody(article.text);
    lines.push(title ? `Điều ${article.id}. ${title}` : `Điều ${article.id}.`, body, '');
  }
  return lines.join('\n');
}

/** Every law of `legal_passages.json` as a published document. */
export function lawsToDocuments(legalPassagesJson: LawPassages[]): LawDocument[] {
  return legalPassagesJson.map((law) => ({ fileName: fileNameOf(law.id), text: lawText(law) }));
}
