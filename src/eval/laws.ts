/**
 * The laws pool (DESIGN §4): ALQAC's statute laws written as documents the way laws
 * are published, and its statements as questions scored by article. The data stays in
 * ../shared; this module only lays it out at eval time.
 */
import { fold } from '../text/fold.js';

export interface LawArticle {
  id: string;
  text: string;
}

export interface LawPassages {
  id: string;
  articles: LawArticle[];
}

export interface LawStatement {
  example_id: string;
  label: string;
  statement: string;
  legal_passages: Array<{ law_id: string; article_id: string }>;
}

export interface LawDocument {
  fileName: string;
  /** The law id as the data names it ("Luật Viên chức 2010"). */
  lawId: string;
  text: string;
}

/** "Luật Viên chức 2010" → "luat-vien-chuc-2010.txt". */
export function lawFileName(lawId: string): string {
  return `${fold(lawId).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.txt`;
}

/** "Luật Viên chức 2010" → ["Luật Viên chức", "2010"]. */
function titleAndYear(lawId: string): [string, string | undefined] {
  const m = /^(.*?)\s+(\d{4})$/.exec(lawId.trim());
  return m ? [m[1]!, m[2]] : [lawId.trim(), undefined];
}

/** An article's text opens with its title line, except where the law has none (the Constitution). */
function splitArticle(text: string): { title?: string; body: string[] } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const isClause = /^(\d{1,3}\.|[a-zđ]\))\s/u.test(first);
  return isClause || lines.length < 2 ? { body: lines } : { title: first, body: lines.slice(1) };
}

/**
 * Lays each law out as published: issuer, national motto, the title in capitals, then
 * "Điều N. <title>" lines followed by their clauses.
 */
export function lawsToDocuments(passages: LawPassages[]): LawDocument[] {
  return passages.map((law) => {
    const [title, year] = titleAndYear(law.id);
    const head = [
      'QUỐC HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      ...(year ? [`Hà Nội, năm ${year}`, ''] : []),
      title.toLocaleUpperCase('vi'),
      '',
    ];
    const body = law.articles.flatMap((a) => {
      const { title: articleTitle, body: lines } = splitArticle(a.text);
      return [articleTitle ? `Điều ${a.id}. ${articleTitle}` : `Điều ${a.id}.`, ...lines, ''];
    });
    return { fileName: lawFileName(law.id), lawId: law.id, text: [...head, ...body].join('\n') };
  });
}

/** Where each article starts in a (cleaned) law text: offsets of its "Điều N." lines, in order. */
export function articleStarts(text: string): Array<{ article: string; offset: number }> {
  const starts: Array<{ article: string; offset: number }> = [];
  for (const m of text.matchAll(/^Điều\s+(\d+[a-zđ]?)\s*\./gmu)) starts.push({ article: m[1]!, offset: m.index! });
  return starts;
}

/** The article a position of the text lies in (undefined before the first article). */
export function articleAt(starts: Array<{ article: string; offset: number }>, offset: number): string | undefined {
  let found: string | undefined;
  for (const s of starts) {
    if (s.offset > offset) break;
    found = s.article;
  }
  return found;
}

/** ALQAC phrases a statement as a yes/no question. */
export const statementQuestion = (statement: string) => `${statement.trim().replace(/[.?!]+$/, '')}, đúng hay sai?`;
