/**
 * The selection ranker's view of a candidate, without a corpus: which question kinds ask for a value, whether a
 * quote writes one, target against result, the role a question names; and the committed ranker leaving the
 * rules' choice for a close neighbour that states what is asked. Questions and sentences are invented.
 */
import { describe, expect, it } from 'vitest';
import { inSectionOf, pickCandidate, quoteFeatures, selectionQuestion, SELECTION_FEATURES, type SelectionFeatures, type SelectionRow } from '../src/answer/selection.js';
import { buildQuestion } from '../src/question/question.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { fold } from '../src/text/fold.js';
import { foldedSyllables } from '../src/text/tokens.js';
import type { Chunk } from '../src/types.js';

const asked = (question: string) => selectionQuestion(buildQuestion(analyzeQuery(question)));
const features = (question: string, sentence: string, headings = '') =>
  quoteFeatures(asked(question), fold(sentence), foldedSyllables(sentence).join(' '), foldedSyllables(headings).join(' '));

describe('selection features', () => {
  it('sees a value of the asked kind in the quote', () => {
    expect(features('Xã bố trí bao nhiêu tiền cho việc nạo vét kênh?', 'Ngân sách xã bố trí 350 triệu đồng để nạo vét kênh.').valueShown).toBe(1);
    expect(features('Xã bố trí bao nhiêu tiền cho việc nạo vét kênh?', 'Việc nạo vét kênh dùng ngân sách xã.').valueShown).toBe(0);
    expect(features('Chợ phiên họp vào khung giờ nào?', 'Chợ phiên họp từ 5 giờ đến 9 giờ sáng.').valueShown).toBe(1);
  });

  it('sees a deadline written where a start date is asked', () => {
    const start = 'Quy chế thu phí chợ bắt đầu áp dụng từ ngày nào?';
    expect(features(start, 'Các hộ kinh doanh nộp phí trước ngày 10/4/2026.').valueContrary).toBeGreaterThan(0);
    expect(features(start, 'Quy chế thu phí chợ được thực hiện từ ngày 01/4/2026.').valueContrary).toBe(0);
  });

  it('asks no value of a yes/no question', () => {
    expect(asked('Kinh phí hội thi có được dùng để mua quà không?').valueKinds).toEqual([]);
  });

  it('tells a target stated from a result reported, when the question says which it asks', () => {
    const result = 'Tính đến nay xã đã trồng được bao nhiêu ha rừng?';
    expect(features(result, 'Phấn đấu trồng mới 50 ha rừng.').modalityConflicts).toBe(1);
    expect(features(result, 'Trong kỳ đã trồng được 42 ha rừng.').modalityAgrees).toBe(1);
    // A question that says neither is answered by a plan's target as well.
    expect(features('Xã trồng bao nhiêu ha rừng?', 'Phấn đấu trồng mới 50 ha rừng.').modalityConflicts).toBe(0);
  });

  it('reads the role a "which body" question names in the sentence or its heading', () => {
    expect(features('Phòng nào là cơ quan thường trực của đợt ra quân?', 'Phòng Kinh tế là cơ quan thường trực, tổng hợp kết quả.').slotShown).toBe(1);
    expect(features('Phòng nào là cơ quan thường trực của đợt ra quân?', 'Phòng Kinh tế tổng hợp kết quả.').slotShown).toBe(0);
    expect(features('Đơn vị nào chịu trách nhiệm chính việc nạo vét kênh?', 'Hợp tác xã chủ trì nạo vét kênh.').slotShown).toBe(1);
    expect(asked('Còn ý kiến của người chủ trì thì sao?').echoes).toEqual([]);
  });

  it('reads the level of the budget asked', () => {
    const q = 'Ngân sách tỉnh hỗ trợ bao nhiêu tiền cho việc lát gạch vỉa hè?';
    expect(features(q, 'Ngân sách tỉnh hỗ trợ 1,2 tỷ đồng.').slotShown).toBe(1);
    expect(features(q, 'Ngân sách xã hỗ trợ 300 triệu đồng.').slotShown).toBe(0);
  });
});

describe('the committed ranker', () => {
  const row = (text: string, f: Partial<SelectionFeatures>): SelectionRow => ({
    source: 'x.txt',
    text,
    features: { ...(Object.fromEntries(SELECTION_FEATURES.map((n) => [n, 0])) as SelectionFeatures), ...f },
  });

  it('keeps the rules\' choice among neighbours that show nothing more', () => {
    const rows = [row('a', { relScore: 1, rulesChoice: 1, eligible: 1, coverage: 0.6 }), row('b', { relScore: 0.9, eligible: 1, coverage: 0.55 })];
    expect(pickCandidate(rows)).toBe(0);
  });

  it('quotes a close neighbour that writes the asked value when the rules\' choice does not', () => {
    const rows = [row('a', { relScore: 1, rulesChoice: 1, eligible: 1, coverage: 0.6 }), row('b', { relScore: 0.9, coverage: 0.5, valueShown: 1 })];
    expect(pickCandidate(rows)).toBe(1);
  });

  it('on a claim to judge, quotes the close sentence of the section retrieval ranks first over the rules\' choice elsewhere', () => {
    const rows = [
      row('a', { relScore: 1, rulesChoice: 1, judgedRulesChoice: 1, eligible: 1, coverage: 0.64 }),
      row('b', { relScore: 0.98, eligible: 1, coverage: 0.57, judgedTopSection: 1 }),
    ];
    expect(pickCandidate(rows)).toBe(1);
  });

  it('keeps the rules\' choice on a claim when it lies in the section retrieval ranks first', () => {
    const rows = [
      row('a', { relScore: 1, rulesChoice: 1, judgedRulesChoice: 1, eligible: 1, coverage: 0.64, judgedTopSection: 1 }),
      row('b', { relScore: 0.98, eligible: 1, coverage: 0.57 }),
    ];
    expect(pickCandidate(rows)).toBe(0);
  });
});

describe('one section', () => {
  const chunk = (docId: string, section: string) => ({ docId, section }) as Chunk;
  it('holds its parts and the sections under it, in one document only', () => {
    expect(inSectionOf(chunk('luat', '44.4'), chunk('luat', '44'))).toBe(true);
    expect(inSectionOf(chunk('luat', '44'), chunk('luat', '44.4'))).toBe(true);
    expect(inSectionOf(chunk('kh', 'III.2.a'), chunk('kh', 'III.2'))).toBe(true);
    expect(inSectionOf(chunk('luat', '4'), chunk('luat', '44'))).toBe(false);
    expect(inSectionOf(chunk('luat', '46'), chunk('luat', '44'))).toBe(false);
    expect(inSectionOf(chunk('other', '44'), chunk('luat', '44'))).toBe(false);
    expect(inSectionOf(chunk('kh', ''), chunk('kh', 'I'))).toBe(false);
    expect(inSectionOf(chunk('kh', ''), chunk('kh', ''))).toBe(true);
  });
});
