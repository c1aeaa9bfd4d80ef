import { describe, expect, it } from 'vitest';
import { PlainBm25, plainTerms } from '../src/eval/bm25.js';
import { ArticleLocator, retrievalFigures } from '../src/eval/laws-run.js';
import { articleAt, articleStarts, lawFileName, lawsToDocuments, statementQuestion } from '../src/eval/laws.js';

const laws = [
  {
    id: 'Luật Thử nghiệm 2020',
    articles: [
      { id: '1', text: 'Phạm vi điều chỉnh\n\nLuật này quy định về việc thử nghiệm.' },
      { id: '2', text: 'Quyền của người thử nghiệm\n\n1. Được nghỉ ngơi.\n\n2. Được trả lương:\n\na) Đúng hạn;\n\nb) Đủ số tiền.' },
    ],
  },
  { id: 'Hiến pháp 2013', articles: [{ id: '5', text: '1. Nước ta là một quốc gia thống nhất.\n\n2. Các dân tộc bình đẳng.' }] },
];

describe('laws pool layout', () => {
  const docs = lawsToDocuments(laws);

  it('writes each law as published: motto, title in capitals, "Điều N. <title>" and its clauses', () => {
    expect(docs[0]!.fileName).toBe('luat-thu-nghiem-2020.txt');
    expect(docs[0]!.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(docs[0]!.text).toContain('\nLUẬT THỬ NGHIỆM\n');
    expect(docs[0]!.text).toContain('Điều 2. Quyền của người thử nghiệm\n1. Được nghỉ ngơi.\n2. Được trả lương:\na) Đúng hạn;');
    // The Constitution's articles have no title line: the first clause stays a clause.
    expect(docs[1]!.text).toContain('Điều 5.\n1. Nước ta là một quốc gia thống nhất.');
    expect(lawFileName('Luật Phòng, chống ma túy 2021')).toBe('luat-phong-chong-ma-tuy-2021.txt');
  });

  it('locates any piece of text in its article', () => {
    const text = docs[0]!.text;
    const starts = articleStarts(text);
    expect(starts.map((s) => s.article)).toEqual(['1', '2']);
    expect(articleAt(starts, text.indexOf('Đủ số tiền'))).toBe('2');
    expect(articleAt(starts, 0)).toBeUndefined();
    const locator = new ArticleLocator();
    locator.add('a.txt', text);
    expect(locator.locate('a.txt', 'b) Đủ số tiền.')).toBe('a.txt#2');
    expect(locator.locate('a.txt', 'không có trong văn bản')).toBeUndefined();
  });

  it('asks a statement as ALQAC does', () => {
    expect(statementQuestion('Viên chức được nghỉ ngơi.')).toBe('Viên chức được nghỉ ngơi, đúng hay sai?');
  });
});

describe('plain BM25 and article figures', () => {
  it('indexes syllables and syllable pairs, diacritics kept', () => {
    expect(plainTerms('Hợp đồng làm')).toEqual(['hợp', 'đồng', 'làm', 'hợp_đồng', 'đồng_làm']);
    const bm25 = new PlainBm25(['hợp đồng làm việc của viên chức', 'thời gian nghỉ ngơi', 'hợp tác quốc tế']);
    expect(bm25.search('chấm dứt hợp đồng làm việc', 3)[0]!.index).toBe(0);
    expect(bm25.search('không có từ nào', 3)).toEqual([]);
  });

  it('counts hit@1, hit@5 and MRR@10 over distinct articles', () => {
    const cases = [
      { id: 'a', question: '', gold: new Set(['x#1']) },
      { id: 'b', question: '', gold: new Set(['x#3']) },
    ];
    const figures = retrievalFigures(cases, [['x#1', 'x#2'], ['x#2', 'x#2', 'x#3']]);
    expect(figures).toEqual({ hit1: 0.5, hit5: 1, mrr10: 0.75 });
  });
});
