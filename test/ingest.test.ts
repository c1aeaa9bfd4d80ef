import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, matchKey } from '../ingest/clean.js';
import { OCR_THRESHOLD } from '../ingest/ocr-quality.js';
import { parseDocument, type ParsedDocument } from '../ingest/parse-document.js';
import { parseSections } from '../ingest/structure.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import { shippedNames } from '../src/text/reading-model.js';

const docsDir = join(import.meta.dirname, '..', 'data', 'docs');
const files = readdirSync(docsDir).sort();
const raw = Object.fromEntries(files.map((f) => [f, readFileSync(join(docsDir, f), 'utf8')]));
const vocabulary = Vocabulary.fromTexts(
  ['dang-uy-phuong-ke-hoach-67-kh-du.txt', 'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt', 'tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt'].map((f) => cleanText(raw[f]!).text),
  shippedNames(),
);
const parsed: Record<string, ParsedDocument> = Object.fromEntries(files.map((f) => [f, parseDocument(f, raw[f]!, vocabulary)]));

describe('cleaning', () => {
  it('removes docx bookmarks and reflows hard-wrapped lines', () => {
    const { text } = cleanText(raw['dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt']!);
    expect(text).not.toContain('[bookmark');
    const tam = cleanText(raw['tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt']!);
    expect(tam.text).toContain('Ban Tuyên giáo Tỉnh ủy Lai Châu đẩy mạnh tuyên truyền về công tác xây dựng Đảng');
  });
  it('keeps a barred table one row per line, however long its rows', () => {
    const table = [
      'III. LỊCH LÀM VIỆC',
      '| Thời gian | Việc | Người làm |',
      '| 14 giờ 00 - 14 giờ 20 | Khai mạc, giới thiệu thành phần tham dự buổi làm việc | Đồng chí Chủ tịch Hội Nông dân xã |',
      '| 14 giờ 20 - 15 giờ 00 | Báo cáo kết quả sản xuất vụ đông và kế hoạch vụ xuân | Phòng Kinh tế xã |',
    ].join('\n');
    expect(cleanText(table).text.split('\n')).toHaveLength(4);
    // A wrapped sentence still joins.
    expect(cleanText('Các thôn hoàn thành việc rà soát danh sách hộ nghèo và báo cáo về Ủy ban nhân dân\nxã trước ngày 15.').text.split('\n')).toHaveLength(1);
  });

  it('pulls digital-signature trailers out of the body', () => {
    const tam = cleanText(raw['tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt']!);
    expect(tam.text).not.toContain('đã ký lên văn bản này');
    expect(tam.signatures.map((s) => s.signer)).toEqual(['Đỗ Đăng Hợi', 'Ban Tuyên giáo Huyện ủy Tam Đường']);
  });
  it('never changes words: every chunk is verbatim in the source', () => {
    for (const f of files) {
      const source = matchKey(raw[f]!);
      for (const chunk of parsed[f]!.chunks) {
        for (const span of chunk.sentences) expect(source).toContain(matchKey(chunk.text.slice(span.start, span.end)));
      }
    }
  });
});

describe('structure', () => {
  it('builds section paths through roman, arabic, dotted and lettered headings', () => {
    const paths = parseSections(cleanText(raw['dien-bien-ke-hoach-22-kh-tu.txt']!).text).map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(['I', 'I.1', 'II.1.(1)', 'II.2.1', 'II.2.2.c', 'II.2.3.b', 'II.2.3.c', 'III.8', 'Nơi nhận', 'Phụ lục']));
  });
  it('puts the conference-duration clause in II.2.3.b', () => {
    const chunk = parsed['dien-bien-ke-hoach-22-kh-tu.txt']!.chunks.find((c) => c.text.includes('két luén khong qua 50 phut'));
    expect(chunk?.section).toBe('II.2.3.b');
    expect(chunk?.headings.length).toBe(3);
  });
  it.each([
    ['dang-uy-phuong-ke-hoach-67-kh-du.txt', ['I.1', 'II.2.(1)', 'II.3.(4)', 'IV.5']],
    ['dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt', ['I.1', 'II.2', 'III.4']],
    ['tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt', ['I.3', 'III.1', 'IV.6']],
    ['son-la-ke-hoach-121-kh-btgtu.txt', ['I.1', 'II.1', 'IV.1']],
  ])('%s has its sections', (file, expected) => {
    expect(parsed[file]!.meta.outline.map((o) => o.path)).toEqual(expect.arrayContaining(expected));
  });
});

describe('metadata', () => {
  it.each([
    ['dien-bien-ke-hoach-22-kh-tu.txt', { docType: 'Kế hoạch', docNumber: '22-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy Điện Biên', date: '2026-01-16', place: 'Điện Biên', ocr: true }],
    ['dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt', { docType: 'Hướng dẫn', issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên', date: '2026-01-21', place: 'Điện Biên', ocr: false }],
    ['tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt', { docType: 'Hướng dẫn', issuer: 'Ban Tuyên giáo Huyện ủy Tam Đường', date: '2023-07-04', signer: 'Đỗ Đăng Hợi', ocr: false }],
    ['dang-uy-phuong-ke-hoach-67-kh-du.txt', { docType: 'Kế hoạch', docNumber: '67-KH/ĐU', issuer: 'Ban Thường vụ Đảng ủy', signer: 'Tô Thị Thu Hường', ocr: false }],
    ['son-la-ke-hoach-121-kh-btgtu.txt', { docType: 'Kế hoạch', docNumber: '121-KH/BTGTU', issuer: 'Ban Tuyên giáo Tỉnh ủy Sơn La', date: '2023-07-19', place: 'Sơn La', ocr: true }],
  ])('%s', (file, expected) => {
    expect(parsed[file]!.meta).toMatchObject(expected);
  });
  it('reads referenced documents with their dates', () => {
    expect(parsed['dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt']!.meta.references).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: '22-KH/TU', date: '2026-01-16' }),
        expect.objectContaining({ number: '226-KL/TW', date: '2025-12-11' }),
      ]),
    );
    expect(parsed['dien-bien-ke-hoach-22-kh-tu.txt']!.meta.references[0]).toMatchObject({ number: '226-KL/TW', date: '2025-12-11' });
  });
  it('scores OCR quality: damaged scans low, clean text high', () => {
    for (const f of files) {
      const damaged = f.startsWith('dien-bien-ke-hoach') || f.startsWith('son-la');
      expect(parsed[f]!.meta.ocrQuality < OCR_THRESHOLD).toBe(damaged);
    }
  });
});

describe('chunking', () => {
  it('keeps chunks within the size limit and each with a section', () => {
    for (const f of files) {
      for (const chunk of parsed[f]!.chunks) {
        expect(chunk.text.length).toBeLessThanOrEqual(1200);
        expect(chunk.sentences.length).toBeGreaterThan(0);
      }
    }
  });
});
