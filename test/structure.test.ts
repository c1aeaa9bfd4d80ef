/**
 * The whole Vietnamese document family, read without losing a line: directives, documents by
 * articles (laws, Quy chế, Quy định), decisions with an attached regulation, state-format headers.
 * The invariants run over every document available: data/docs, the unseen pool and the 18 ALQAC
 * laws written as published (when ../shared is present; that data is never committed).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkSections, splitText } from '../ingest/chunk.js';
import { cleanText } from '../ingest/clean.js';
import { loadFile } from '../ingest/load.js';
import { parseDocument } from '../ingest/parse-document.js';
import { parseSections } from '../ingest/structure.js';
import { documentLabel, quoteSection, toCitation } from '../src/answer/format.js';
import { articleFocus } from '../src/retrieval/article-focus.js';
import { lawsToDocuments, type LawPassages } from '../src/eval/laws.js';
import { findArticleRefs, findDocRefs } from '../src/text/doc-refs.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import type { Chunk } from '../src/types.js';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', '..', 'shared');
const unseenDir = join(shared, 'unseen', 'docs');
const lawsJson = join(shared, 'external', 'alqac-2023', 'legal_passages.json');

async function allDocuments(): Promise<Array<{ fileName: string; text: string }>> {
  const docs: Array<{ fileName: string; text: string }> = [];
  for (const dir of [join(root, 'data', 'docs'), unseenDir, join(root, 'test', 'fixtures')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(txt|md|docx|pdf)$/i.test(name)) continue;
      docs.push({ fileName: name, text: (await loadFile(join(dir, name))).text });
    }
  }
  if (existsSync(lawsJson)) docs.push(...lawsToDocuments(JSON.parse(readFileSync(lawsJson, 'utf8')) as LawPassages[]));
  return docs;
}

function chunksOf(fileName: string, raw: string): { text: string; chunks: Chunk[] } {
  const { text } = cleanText(raw);
  return { text, chunks: chunkSections(parseSections(text), { id: fileName, source: fileName, ocr: false }) };
}

const ARTICLE_LINE = /^(?:Điều|ĐIỀU)\s+\d{1,3}[a-zđ]?\s*(?:[.:]|$)/u;

describe('every line of every document is in exactly one chunk', () => {
  let read: Array<{ fileName: string; text: string; chunks: Chunk[] }> = [];
  beforeAll(async () => {
    read = (await allDocuments()).map((doc) => ({ fileName: doc.fileName, ...chunksOf(doc.fileName, doc.text) }));
  }, 120_000);

  it('holds on data/docs, the unseen pool, the fixtures and the 18 laws', () => {
    expect(read.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const { fileName, text, chunks } of read) {
      // The chunks' lines, in order, spell the document's non-empty lines, each once. A line longer
      // than a chunk is cut at sentences into consecutive chunks; its pieces then join back to it.
      const chunkLines = chunks.flatMap((c) => c.text.split('\n').map((l) => l.trim()).filter(Boolean));
      let next = 0;
      for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
        let got = chunkLines[next++] ?? '';
        while (got !== line && line.startsWith(got) && next < chunkLines.length) got = `${got} ${chunkLines[next++]}`;
        if (got !== line) problems.push(`${fileName}: missing or out of place: ${line.slice(0, 80)}`);
      }
      if (next !== chunkLines.length) problems.push(`${fileName}: chunks hold lines the document does not`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps every chunk inside one article and one top-level section', () => {
    const problems: string[] = [];
    for (const { fileName, chunks } of read) {
      for (const chunk of chunks) {
        const articles = chunk.text.split('\n').filter((l) => ARTICLE_LINE.test(l.trim()));
        if (articles.length > 1) problems.push(`${fileName} ${chunk.id}: ${articles.join(' | ')}`);
        const tops = new Set([chunk.section, ...(chunk.parts ?? []).map((p) => p.section)].map((path) => path.split('.')[0]));
        if (tops.size > 1) problems.push(`${fileName} ${chunk.id}: ${[...tops].join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('splitText', () => {
  it('splits a huge run-on line without recursion or spread arguments', () => {
    const huge = 'từ ngữ '.repeat(400_000);
    const pieces = splitText(huge, 1200);
    expect(pieces.length).toBeGreaterThan(2000);
    expect(pieces.every((p) => p.length <= 1200)).toBe(true);
  });
});

/** An invented law-like document: chapters, articles, clauses, points. */
const LAW = [
  'QUỐC HỘI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Luật số: 12/2031/QH16',
  'LUẬT THỬ NGHIỆM',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Luật này quy định việc thử nghiệm.',
  'Chương II',
  'QUYỀN VÀ NGHĨA VỤ',
  'Điều 2. Quyền của người thử nghiệm',
  '1. Người thử nghiệm có các quyền sau đây:',
  'a) Được cung cấp thông tin;',
  'b) Được từ chối tham gia;',
  'đ) Được bồi thường thiệt hại.',
  '2. Quyền khác theo quy định của pháp luật.',
  'Điều 3. Nghĩa vụ của người thử nghiệm',
  ...Array.from({ length: 6 }, (_, k) => `${k + 1}. Nghĩa vụ thứ ${k + 1}: ${'tuân thủ quy trình thử nghiệm đã được phê duyệt, '.repeat(8)}báo cáo kết quả.`),
].join('\n');

describe('documents by articles', () => {
  const { chunks } = chunksOf('luat-thu-nghiem.txt', LAW);

  it('labels a quote by article, clause and point, in Vietnamese order', () => {
    const chunk = chunks.find((c) => c.text.includes('Được từ chối tham gia'))!;
    expect(chunk.section).toBe('II.2');
    expect(chunk.sectionLabel).toBe('Điều 2');
    expect(quoteSection(chunk, 'b) Được từ chối tham gia;')).toEqual({ section: 'II.2.1.b', sectionLabel: 'Điều 2, khoản 1, điểm b' });
    expect(quoteSection(chunk, 'đ) Được bồi thường thiệt hại.').sectionLabel).toBe('Điều 2, khoản 1, điểm đ');
    expect(quoteSection(chunk, '2. Quyền khác theo quy định của pháp luật.').sectionLabel).toBe('Điều 2, khoản 2');
    expect(chunk.sectionTitle).toBe('Quyền của người thử nghiệm');
  });

  it('keeps a short point as text, never as a dropped heading', () => {
    expect(chunks.some((c) => c.text.includes('a) Được cung cấp thông tin;'))).toBe(true);
  });

  it('splits a long article at clause boundaries, each part carrying the article as context', () => {
    const parts = chunks.filter((c) => c.section.startsWith('II.3'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.text.startsWith('Điều 3. Nghĩa vụ của người thử nghiệm')).toBe(true);
    for (const part of parts.slice(1)) {
      expect(part.text).toMatch(/^\d\. Nghĩa vụ thứ/);
      expect(part.headings).toContain('Điều 3. Nghĩa vụ của người thử nghiệm');
      expect(part.sectionLabel).toMatch(/^Điều 3, khoản \d$/);
    }
  });

  it('reads the law header: type, name, number, issuer', () => {
    const vocabulary = Vocabulary.fromTexts([cleanText(LAW).text]);
    const { meta } = parseDocument('luat-thu-nghiem.txt', LAW, vocabulary);
    expect(meta).toMatchObject({ docType: 'Luật', docNumber: '12/2031/QH16', issuer: 'Quốc hội', title: 'Luật Thử nghiệm số 12/2031/QH16' });
  });

  it('focuses a question naming an article on that article, closest clause first', () => {
    const vocabulary = Vocabulary.fromTexts([cleanText(LAW).text]);
    const { meta } = parseDocument('luat-thu-nghiem.txt', LAW, vocabulary);
    const question = 'khoản 2 Điều 2 Luật Thử nghiệm nói gì?';
    const focus = articleFocus(question, findArticleRefs(question), chunks, () => meta, () => true);
    const held = [...focus.only].map((i) => chunks[i]!.sectionLabel);
    expect(held).toEqual(['Điều 2']);
    expect(documentLabel(meta)).toBe('Luật Thử nghiệm số 12/2031/QH16');
    // Without the law's name, the article leads but nothing is filtered out.
    const loose = articleFocus('khoản 2 Điều 2 nói gì?', findArticleRefs('khoản 2 Điều 2 nói gì?'), chunks, () => meta, () => true);
    expect(loose.only.size).toBe(0);
    expect([...loose.lead.values()]).toEqual([(2 / 3) * 0.5]);
  });

  it('writes a citation with its sectionLabel', () => {
    const vocabulary = Vocabulary.fromTexts([cleanText(LAW).text]);
    const { meta } = parseDocument('luat-thu-nghiem.txt', LAW, vocabulary);
    const chunk = chunks.find((c) => c.text.includes('Được từ chối tham gia'))!;
    const citation = toCitation(1, { chunk, doc: meta, score: 1 }, 'b) Được từ chối tham gia;', 1);
    expect(citation).toMatchObject({ section: 'II.2.1.b', sectionLabel: 'Điều 2, khoản 1, điểm b' });
  });
});

describe('a decision with an attached regulation', () => {
  const DECISION = [
    'ỦY BAN NHÂN DÂN',
    'HUYỆN THỬ',
    'Số: 7/QĐ-UBND',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Thử, ngày 02 tháng 3 năm 2031',
    'QUYẾT ĐỊNH',
    'Ban hành Quy chế làm việc của Tổ thử',
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ thử.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    'Điều 3. Các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.',
    'Nơi nhận:',
    '- Như Điều 3;',
    '- Lưu: VT.',
    'CHỦ TỊCH',
    'Hà Văn Thử',
    'QUY CHẾ',
    'Làm việc của Tổ thử',
    '(Ban hành kèm theo Quyết định số 7/QĐ-UBND ngày 02/3/2031)',
    'Chương I',
    'QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi',
    '1. Quy chế này quy định chế độ làm việc của Tổ thử.',
    '2. Tổ thử họp mỗi tháng một lần.',
  ].join('\n');
  const { chunks } = chunksOf('quyet-dinh-7.txt', DECISION);

  it('gives the regulation its own articles, apart from the decision’s', () => {
    const decision = chunks.find((c) => c.text.startsWith('Điều 1. Ban hành'))!;
    expect(decision.section).toBe('1');
    expect(decision.sectionLabel).toBe('Điều 1');
    const rule = chunks.find((c) => c.text.includes('Tổ thử họp mỗi tháng'))!;
    expect(rule.section).toBe('QC.I.1');
    expect(quoteSection(rule, '2. Tổ thử họp mỗi tháng một lần.').sectionLabel).toBe('Điều 1, khoản 2 của Quy chế kèm theo');
    // The recipients are not part of the decision's Điều 3.
    expect(chunks.find((c) => c.text.includes('Lưu: VT'))!.section).toBe('Nơi nhận');
  });
});

describe('state-format header (Nghị định 30/2020)', () => {
  const file = join(root, 'test', 'fixtures', 'xa-phin-ho-ke-hoach-37-nuoc-sach-2027.txt');
  const raw = readFileSync(file, 'utf8');
  const { meta, chunks } = parseDocument('xa-phin-ho-ke-hoach-37-nuoc-sach-2027.txt', raw, Vocabulary.fromTexts([cleanText(raw).text]));

  it('reads number, issuer (not the motto), place, date and signer (not a recipient)', () => {
    expect(meta).toMatchObject({
      docType: 'Kế hoạch',
      docNumber: '37/KH-UBND',
      issuer: 'Ủy ban nhân dân xã Phìn Hồ',
      place: 'Phìn Hồ',
      date: '2027-02-09',
      signer: 'Vàng Thị Mỷ',
    });
    expect(meta.references.map((r) => r.number)).toContain('30/2020/ND-CP');
  });

  it('reads numbered steps under a directive item', () => {
    const step = chunks.find((c) => c.text.startsWith('Bước 2:'))!;
    expect(step.section).toBe('II.2.B2');
    expect(step.sectionLabel).toBe('mục II.2, bước 2');
  });
});

describe('a list whose numbers restart under a numbered section', () => {
  const text = [
    '2. Đối tượng áp dụng',
    'Hộ gia đình, cá nhân.',
    '3. Thành phần hồ sơ',
    '1. Đơn đề nghị theo mẫu.',
    '2. Bản sao giấy tờ về đất.',
    '3. Hai bộ bản vẽ thiết kế.',
    '4. Văn bản cam kết an toàn.',
    '4. Cách thức nộp hồ sơ',
    '- Nộp trực tiếp hoặc trực tuyến.',
    'IV. NHIỆM VỤ',
    '1. Rà soát hồ sơ tồn đọng.',
  ].join('\n');
  const sections = parseSections(text);
  const paths = sections.map((s) => s.path);

  it('nests the list in its section and closes it at the next section number', () => {
    expect(paths).toEqual(['2', '3', '3.1', '3.2', '3.3', '3.4', '4', 'IV', 'IV.1']);
    expect(sections.find((s) => s.path === '3.2')!.label).toBe('mục 3.2');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('does not nest a restart under a capitals title the parser does not know (a misread numeral)', () => {
    const misread = parseSections(['III. TỒN TẠI', '1. Chỉ tiêu chưa đạt.', '2. Nợ đóng kéo dài.', '1V. NHIỆM VỤ, GIẢI PHÁP', '1. Tổ chức tháng vận động.'].join('\n'));
    expect(misread.map((s) => s.path)).toEqual(['III', 'III.1', 'III.2', 'III.1']);
  });
});

describe('references', () => {
  it('finds article references in either order', () => {
    expect(findArticleRefs('Điều 29 Luật Viên chức quy định gì?')).toEqual([{ article: '29' }]);
    expect(findArticleRefs('khoan 2 dieu 5 noi gi')).toEqual([{ article: '5', clause: '2' }]);
    expect(findArticleRefs('điểm b khoản 1 Điều 29')).toEqual([{ article: '29', clause: '1', point: 'b' }]);
    expect(findArticleRefs('Điều 29, khoản 1, điểm b')).toEqual([{ article: '29', clause: '1', point: 'b' }]);
    expect(findArticleRefs('Điều lệ Đảng')).toEqual([]);
  });

  it('normalises state and Party numbers alike', () => {
    expect(findDocRefs('Nghị định 30/2020/NĐ-CP')).toEqual([{ full: '30/2020/ND-CP', short: 'ND-30' }]);
    expect(findDocRefs('QĐ 45/QĐ-UBND')).toEqual([{ full: '45/QD-UBND', short: 'QD-45' }]);
    expect(findDocRefs('Quy chế số 01-QC/ĐU')).toEqual([{ full: '1-QC/DU', short: 'QC-1' }]);
    expect(findDocRefs('báo cáo 6 tháng, 100 m3/ngày, ngày 15/12/2025')).toEqual([]);
  });
});

describe('laws written as published', () => {
  it('lays a law out with issuer, motto, title in capitals and "Điều N. <title>"', () => {
    const [doc] = lawsToDocuments([
      { id: 'Luật Thử nghiệm 2031', articles: [{ id: '1', text: 'Phạm vi điều chỉnh\n\nLuật này quy định việc thử nghiệm.' }] },
    ]);
    expect(doc!.fileName).toBe('luat-thu-nghiem-2031.txt');
    const lines = doc!.text.split('\n').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['QUỐC HỘI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(lines).toContain('LUẬT THỬ NGHIỆM');
    expect(doc!.text).toContain('Điều 1. Phạm vi điều chỉnh\nLuật này quy định việc thử nghiệm.');
  });

  it.skipIf(!existsSync(lawsJson))('titles the real laws by name', { timeout: 30_000 }, () => {
    const laws = lawsToDocuments(JSON.parse(readFileSync(lawsJson, 'utf8')) as LawPassages[]);
    const vienChuc = laws.find((l) => l.fileName.startsWith('luat-vien-chuc'))!;
    const { meta } = parseDocument(vienChuc.fileName, vienChuc.text, Vocabulary.fromTexts([]));
    expect(meta.title).toBe('Luật Viên chức');
  });
});
