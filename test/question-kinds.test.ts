/** Each kind of the registry against its own case table: no corpus, no index. */
import { describe, expect, it } from 'vitest';
import { detectKinds, KINDS, MODALITY_SPEC, printRegistry, questionModality, sentenceModality, showsEvidence, showsValue } from '../src/question/registry.js';
import { synonymsOf } from '../src/question/lexicon.js';
import { buildQuestion } from '../src/question/question.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { scoreSentence } from '../src/retrieval/sentence-score.js';
import { fold } from '../src/text/fold.js';
import { foldedSyllables } from '../src/text/tokens.js';
import { boundingNumber, statedSpans } from '../src/question/bounds.js';
import units from '../src/question/units.json' with { type: 'json' };
import { looksEnglish } from '../src/text/glossary.js';

/**
 * The kinds as a request reads them: on the question as typed, shorthand read, its everyday words' alternatives
 * left out. An English case tests the patterns' English alternatives themselves (a request reads an English
 * question through the Vietnamese question words its shape stands for).
 */
const kindsOf = (q: string) => (looksEnglish(q) ? detectKinds(fold(q).toLowerCase()) : buildQuestion(analyzeQuery(q)).kinds).map((k) => k.name);

describe('question kinds registry', () => {
  for (const kind of KINDS) {
    const { cases } = kind.spec;
    describe(kind.name, () => {
      it.each(cases.match)('detects %s', (q) => expect(kindsOf(q)).toContain(kind.name));
      it.each(cases.noMatch)('does not detect %s', (q) => expect(kindsOf(q)).not.toContain(kind.name));
      if (cases.evidence.length) it.each(cases.evidence)('counts as evidence: %s', (s) => expect(showsEvidence(kind, fold(s))).toBe(true));
      if (cases.noEvidence.length) it.each(cases.noEvidence)('does not count as evidence: %s', (s) => expect(showsEvidence(kind, fold(s))).toBe(false));
      if (cases.value?.length) it.each(cases.value)('writes a value: %s', (s) => expect(showsValue(kind, fold(s))).toBe(true));
      if (cases.noValue?.length) it.each(cases.noValue)('writes no value: %s', (s) => expect(showsValue(kind, fold(s))).toBe(false));
    });
  }

  it('has a case table for every kind', () => {
    for (const kind of KINDS) expect(kind.spec.cases.match.length, kind.name).toBeGreaterThan(0);
  });

  it('has value cases for every kind with value patterns', () => {
    for (const kind of KINDS.filter((k) => k.values.length)) expect(kind.spec.cases.value?.length, kind.name).toBeGreaterThan(0);
  });

  describe('modality (target or result)', () => {
    const q = (text: string) => questionModality(fold(text).toLowerCase());
    const s = (text: string) => sentenceModality(fold(text).toLowerCase());
    const { cases } = MODALITY_SPEC;
    it.each(cases.targetQuestion)('asks a target: %s', (t) => expect(q(t)).toMatchObject({ target: true, result: false }));
    it.each(cases.resultQuestion)('asks a result: %s', (t) => expect(q(t)).toMatchObject({ target: false, result: true }));
    it.each(cases.neutralQuestion)('asks neither: %s', (t) => expect(q(t)).toEqual({ target: false, result: false }));
    it.each(cases.targetSentence)('states a target: %s', (t) => expect(s(t)).toMatchObject({ target: true, result: false }));
    it.each(cases.resultSentence)('reports a result: %s', (t) => expect(s(t)).toMatchObject({ target: false, result: true }));
    it.each(cases.neutralSentence)('states neither: %s', (t) => expect(s(t)).toEqual({ target: false, result: false }));
  });

  describe('bounds and ranges on a number (units.json bounds)', () => {
    const { cases } = units.bounds;
    const held = (asked: string, sentence: string) => {
      const q = foldedSyllables(asked);
      const at = q.findIndex((w) => /^\d/.test(w));
      const words = foldedSyllables(sentence);
      return boundingNumber(words, statedSpans(words), q[at]!, q[at + 1]!) !== undefined;
    };
    it.each(cases.holds)('%s is held by: %s', (asked, sentence) => expect(held(asked, sentence)).toBe(true));
    it.each(cases.notHolds)('%s is not held by: %s', (asked, sentence) => expect(held(asked, sentence)).toBe(false));
    const covered = (asked: string, sentence: string) => scoreSentence(sentence, analyzeQuery(asked), () => 1).coverage;
    it.each(cases.sameBound)('%s is the bound %s', (asked, sentence) => expect(covered(asked, sentence)).toBe(1));
    it.each(cases.otherBound)('%s is not the bound %s', (asked, sentence) => expect(covered(asked, sentence)).toBeLessThan(1));
    it('counts a number held by a range in coverage and in the phrase', () => {
      const analysis = analyzeQuery('Nhà 3 tầng phải lắp mấy bình chữa cháy?');
      const inRange = scoreSentence('Nhà từ 02 đến 04 tầng phải lắp 02 bình chữa cháy.', analysis, () => 1);
      const outside = scoreSentence('Nhà từ 05 đến 08 tầng phải lắp 04 bình chữa cháy.', analysis, () => 1);
      expect(inRange.coverage).toBeGreaterThan(outside.coverage);
      expect(inRange.pairs).toBeGreaterThan(outside.pairs);
    });
  });

  it('reads slots from the question', () => {
    const count = detectKinds(fold('Ban chỉ đạo có bao nhiêu thành viên?').toLowerCase()).find((k) => k.name === 'count');
    expect(count?.slots.unit).toBe('thanh vien');
  });

  it('prints every kind', () => {
    const printed = printRegistry();
    for (const kind of KINDS) expect(printed).toContain(kind.name);
  });

  it('knows general synonyms', () => {
    expect(synonymsOf('kinh phi')).toContain('ngan sach');
    expect(synonymsOf('chu tri')).toContain('phu trach');
    expect(synonymsOf('giam')).toContain('tinh gian');
  });

  it('reads kinds on the typed words, not on the alternatives of everyday words', () => {
    // "tiền" stands for "kinh phí" in a quote, but said as a topic it asks no amount.
    expect(kindsOf('Thu tiền rác theo kỳ mấy tháng?')).not.toContain('money');
    expect(kindsOf('Thu tiền rác theo kỳ mấy tháng?')).toContain('duration');
    // "xong" stands for "hoàn thành", which asks no date by itself.
    expect(kindsOf('Làm xong hồ sơ thì nộp ở đâu?')).not.toContain('deadline');
  });

  it('counts an everyday word and its alternative as one word of the question', () => {
    const analysis = analyzeQuery('Tiền sửa đường lấy từ đâu?');
    const tien = analysis.content.find((t) => t.term === 'tien');
    expect(tien?.alternatives).toEqual(['kinh phi']);
    expect(analysis.content.map((t) => t.term)).not.toContain('kinh');
    const idf = () => 1;
    const alternative = scoreSentence('Kinh phí sửa đường lấy từ ngân sách xã.', analysis, idf);
    const typed = scoreSentence('Tiền sửa đường lấy từ ngân sách xã.', analysis, idf);
    expect(alternative.coverage).toBeCloseTo(typed.coverage);
    expect(alternative.coverage).toBeGreaterThan(scoreSentence('Sửa đường lấy từ ngân sách xã.', analysis, idf).coverage);
  });
});
