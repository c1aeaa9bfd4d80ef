/** The fitted decision's parts that need no corpus: the contrast feature and how a model with a ranker picks. */
import { afterEach, describe, expect, it } from 'vitest';
import model from '../src/answer/scorer-weights.json' with { type: 'json' };
import { contrastCoverage, FEATURES, judgeCandidates, useModel, wordSet, type Features, type Model } from '../src/answer/decision.js';
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
