/** The fitted decision's parts that need no corpus: the contrast and clause-level features, how a model with a ranker picks, the veto. */
import { afterEach, describe, expect, it } from 'vitest';
import model from '../src/answer/scorer-weights.json' with { type: 'json' };
import { askedYear, clausesOf, contrastCoverage, FEATURES, judgeCandidates, unitNextToNumber, useModel, valueClause, vetoProbability, wordSet, type Features, type Model } from '../src/answer/decision.js';
import { fold } from '../src/text/fold.js';
import { buildQuestion } from '../src/question/question.js';
import { analyzeQuery } from '../src/retrieval/query.js';

const features = (values: Partial<Features>): Features => ({ ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features), ...values });

describe('contrastCoverage', () => {
  const question = buildQuestion(analyzeQuery('Hộ nào ở xã Bình An được miễn phí thu gom rác?'));
  const idf = () => 1;

  it('weighs the question words the other candidates lack above the ones all of them write', () => {
    const [sharedOnly, distinctive] = contrastCoverage(
      question,
      [
        wordSet('Xã Bình An tổ chức thu gom rác hai lần mỗi tuần.'),
        wordSet('Xã Bình An miễn phí thu gom rác cho hộ nghèo.'),
        wordSet('Xã Bình An bố trí điểm tập kết rác.'),
      ],
      idf,
    );
    expect(distinctive!).toBeGreaterThan(sharedOnly!);
    expect(distinctive!).toBeLessThanOrEqual(1);
  });

  it('is zero for a candidate that holds none of the question', () => {
    expect(contrastCoverage(question, [wordSet('Ngân sách năm sau tăng.'), wordSet('Xã Bình An thu gom rác.')], idf)[0]).toBe(0);
  });
});

describe('judgeCandidates', () => {
  afterEach(() => useModel(model as Model));
  const zeros = FEATURES.map(() => 0);
  const at = (name: (typeof FEATURES)[number], value: number) => FEATURES.map((f) => (f === name ? value : 0));

  it('without a ranker picks the likeliest candidate', () => {
    useModel({ features: [...FEATURES], weights: at('coverage', 4), bias: -2, threshold: 1.01 });
    const { pick, probabilities } = judgeCandidates([features({ coverage: 0.2 }), features({ coverage: 0.9 })]);
    expect(pick).toBe(1);
    expect(probabilities[1]!).toBeGreaterThan(probabilities[0]!);
  });

  it('with a ranker picks the ranker’s top even when the acceptor likes another more', () => {
    useModel({ features: [...FEATURES], weights: at('coverage', 4), bias: -2, ranker: at('contrastCoverage', 5), shareWeight: 0, threshold: 1.01 });
    const { pick } = judgeCandidates([features({ coverage: 0.9, contrastCoverage: 0.1 }), features({ coverage: 0.3, contrastCoverage: 0.8 })]);
    expect(pick).toBe(1);
  });

  it('adds the pick’s softmax share to the acceptor', () => {
    useModel({ features: [...FEATURES], weights: zeros, bias: 0, ranker: at('score', 10), shareWeight: 4, threshold: 1.01 });
    const { probabilities } = judgeCandidates([features({ score: 1 }), features({ score: 0 })]);
    expect(probabilities[0]!).toBeGreaterThan(0.95);
    expect(probabilities[1]!).toBeCloseTo(0.5, 1);
  });

  it('has no pick among no candidates', () => {
    expect(judgeCandidates([]).pick).toBe(-1);
  });
});

describe('clause-level features', () => {
  const idf = () => 1;
  const folded = (text: string) => fold(text).toLowerCase();

  it('cut a quote at semicolons and sentence ends, not at a colon that introduces a value', () => {
    expect(clausesOf(folded('Thôn A: 40 hộ; thôn B: 25 hộ. Còn lại chưa đăng ký'))).toEqual(['thon a: 40 ho', 'thon b: 25 ho', 'con lai chua dang ky']);
  });

  it('valueClause: the share of the topic the clause writing the value holds', () => {
    const question = buildQuestion(analyzeQuery('Thôn Nà Hẩu có bao nhiêu phần trăm hộ dùng điện lưới?'));
    const apart = valueClause(question, folded('Tỷ lệ hộ dùng điện lưới toàn xã đạt 85%; thôn Nà Hẩu còn nhiều hộ chưa có điện lưới.'), idf);
    const together = valueClause(question, folded('Thôn Nà Hẩu có 62% hộ dùng điện lưới.'), idf);
    expect(together).toBe(1);
    expect(apart).toBeLessThan(together);
    expect(valueClause(question, folded('Thôn Nà Hẩu có nhiều hộ dùng điện lưới.'), idf)).toBe(0);
  });

  it('unitNextToNumber: a count of the unit asked, not of something else', () => {
    const question = buildQuestion(analyzeQuery('Nhà văn hóa thôn có bao nhiêu phòng họp?'));
    expect(unitNextToNumber(question, folded('Nhà văn hóa có 02 phòng họp và 01 kho.'))).toBe(1);
    expect(unitNextToNumber(question, folded('Phòng họp của nhà văn hóa có 120 chỗ ngồi.'))).toBe(0);
  });

  it('askedYear: the year asked, no year, or only other years', () => {
    const question = buildQuestion(analyzeQuery('Năm 2028 xã trồng bao nhiêu héc ta rừng?'));
    expect(askedYear(question, folded('Năm 2028 trồng mới 40 ha rừng.'))).toBe(1);
    expect(askedYear(question, folded('Trồng mới 40 ha rừng.'))).toBe(0.5);
    expect(askedYear(question, folded('Đến năm 2030 trồng mới 40 ha rừng.'))).toBe(0);
  });
});

describe('the veto', () => {
  afterEach(() => useModel(model as Model));

  it('gives the probability the rules’ answer is right (1 without a veto)', () => {
    useModel({ features: [], weights: [], bias: 0, threshold: 1.01 });
    expect(vetoProbability(features({}))).toBe(1);
    useModel({ features: ['valueClause'], weights: [], bias: 0, threshold: 1.01, veto: { weights: [6], bias: -3, threshold: 0.2 } });
    expect(vetoProbability(features({ valueClause: 0 }))).toBeLessThan(0.2);
    expect(vetoProbability(features({ valueClause: 1 }))).toBeGreaterThan(0.9);
  });

  it('is off in the committed model: out of fold it gains nothing on the unseen pool', () => {
    expect((model as Model).veto?.threshold ?? 0).toBe(0);
  });
});
