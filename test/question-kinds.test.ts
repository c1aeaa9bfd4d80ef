/** Each kind of the registry against its own case table: no corpus, no index. */
import { describe, expect, it } from 'vitest';
import { detectKinds, KINDS, printRegistry, showsEvidence } from '../src/question/registry.js';
import { synonymsOf } from '../src/question/lexicon.js';
import { fold } from '../src/text/fold.js';

const kindsOf = (q: string) => detectKinds(fold(q).toLowerCase()).map((k) => k.name);

describe('question kinds registry', () => {
  for (const kind of KINDS) {
    const { cases } = kind.spec;
    describe(kind.name, () => {
      it.each(cases.match)('detects %s', (q) => expect(kindsOf(q)).toContain(kind.name));
      it.each(cases.noMatch)('does not detect %s', (q) => expect(kindsOf(q)).not.toContain(kind.name));
      if (cases.evidence.length) it.each(cases.evidence)('counts as evidence: %s', (s) => expect(showsEvidence(kind, fold(s))).toBe(true));
      if (cases.noEvidence.length) it.each(cases.noEvidence)('does not count as evidence: %s', (s) => expect(showsEvidence(kind, fold(s))).toBe(false));
    });
  }

  it('has a case table for every kind', () => {
    for (const kind of KINDS) expect(kind.spec.cases.match.length, kind.name).toBeGreaterThan(0);
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
});
