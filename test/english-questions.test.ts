/**
 * English questions, translated offline through the glossary: one case per rule, each asked in words
 * the eval sets do not use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeRuntime } from '../src/node.js';
import { fold } from '../src/text/fold.js';
import { foldCapitalisedNames, looksEnglish, translateToVietnamese } from '../src/text/glossary.js';
import { testRuntime } from './helpers/runtime.js';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await testRuntime();
}, 60_000);

const ask = (question: string, history?: string) =>
  runtime.assistant.ask({ question, history: history ? [{ role: 'user', content: history }] : undefined });

describe('English questions', () => {
  it('reads a question quoting a short Vietnamese term as English and keeps the term as written', async () => {
    expect(looksEnglish('Tell me about the "5 tự" image for Dien Bien cadres')).toBe(true);
    expect(translateToVietnamese('Tell me about the "5 tự" image for Dien Bien cadres')).toContain('5 tự');
    // A Vietnamese question that happens to quote a term stays Vietnamese.
    expect(looksEnglish('Phương châm "3 hơn" là gì?')).toBe(false);
    const reply = await ask('Tell me about the "5 tự" image that Dien Bien cadres should build');
    expect(reply.answered).toBe(true);
    expect(fold(reply.answer)).toMatch(/ty cuong va ty hao/);
  });

  it('reads an English question naming a place in its own spelling ("Điện Biên") as English, the name folded', () => {
    expect(looksEnglish('Which agency leads the press award in Điện Biên province?')).toBe(true);
    expect(translateToVietnamese('Which agency leads the press award in Điện Biên province?')).toMatch(/^dien bien /);
    // Lowercase Vietnamese words keep a question Vietnamese, however many capitalised names it holds.
    expect(looksEnglish('Ban Chỉ đạo tỉnh Điện Biên có mấy thành viên?')).toBe(false);
    expect(foldCapitalisedNames('Who signed the “Đồng Khởi” plan of Bến Tre?')).toBe('Who signed the “Đồng Khởi” plan of Ben Tre?');
  });

  it('finds a place name after a capitalised question word ("Which Son La …")', () => {
    expect(translateToVietnamese('Which Son La plan covers the press award?')).toMatch(/^son la /);
    expect(translateToVietnamese('Does Tam Duong Guidance mention podcasts?')).toContain('tam duong');
  });

  it('reads an English question that writes Vietnamese names with their diacritics as it reads them without', async () => {
    expect(looksEnglish('Does the Tam Đường guidance mention podcasts?')).toBe(true);
    expect(translateToVietnamese('Does Tam Đường Guidance mention podcasts?')).toContain('tam duong');
    // Lowercase words with diacritics keep a sentence Vietnamese, whatever names it capitalises.
    expect(looksEnglish('Hướng dẫn của Tam Đường có nói về podcast không?')).toBe(false);
    const accented = await ask('Which Sơn La plan covers the press award?');
    const plain = await ask('Which Son La plan covers the press award?');
    expect(accented.answered).toBe(plain.answered);
    expect(accented.answer).toBe(plain.answer);
  });

  it('translates everyday words of services, disasters and permits ("ambulance", "station", "room", "donation")', () => {
    const text = translateToVietnamese('Does the weather station near the ambulance room take donations?');
    for (const vi of ['trạm', 'xe cứu thương', 'phòng', 'ủng hộ']) expect(text).toContain(vi);
  });

  it('refuses as off-topic a question about a place the corpus never names, however well it knows the rest', async () => {
    // A Vietnamese place written without diacritics, which the corpus never writes, asks about somewhere else.
    const elsewhere = await ask('How many minutes may the concluding speech take at a Da Nang conference?');
    expect(elsewhere.answered).toBe(false);
    expect(elsewhere.reason).toBe('off-topic');
    const reply = await ask('How long may a delegate speak at a Haiphong city council session?');
    expect(reply.answered).toBe(false);
    expect(reply.reason).toBe('off-topic');
    // The same question without the place is answered.
    expect((await ask('How many minutes may the concluding speech take?')).answered).toBe(true);
  });

  it('refuses to count the parts of a document the corpus only cites ("how many sections")', async () => {
    const reply = await ask('How many sections does Conclusion 226-KL/TW contain?');
    expect(reply.answered).toBe(false);
  });

  it('answers "what share" from a sentence saying what a thing must make up ("chiếm ít nhất …%")', async () => {
    const reply = await ask('In Plan 22, what minimum share of meetings has to be online?');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('60%');
  });

  it('translates "each year" as "hằng năm", "follow-up" as "đôn đốc" and "sections" as "mục"', () => {
    expect(translateToVietnamese('targets each year')).toContain('hằng năm');
    expect(translateToVietnamese('the follow-up of the plan')).toContain('đôn đốc');
    expect(translateToVietnamese('how many sections')).toContain('mục');
  });

  it('spreads a plan by "lan tỏa" but false information by "phát tán"', () => {
    expect(translateToVietnamese('spreading the plan')).toContain('lan tỏa');
    expect(translateToVietnamese('spreading the plan')).not.toContain('phát tán');
    expect(translateToVietnamese('people spreading false information')).toContain('phát tán');
  });

  it('knows the words of the line between self-interested wrongdoing and mistakes made trying new things', async () => {
    const reply = await ask('Under the ward plan, self-interested violations must be distinguished from what?');
    expect(reply.answered).toBe(true);
    expect(fold(reply.answer)).toContain('sai sot trong qua trinh thu nghiem');
  });

  it('an English follow-up naming another document ("And Regulation 99?") is about that one, not the last', async () => {
    const reply = await ask('And Regulation 99?', 'What is Regulation 85-QĐ/TW about?');
    expect(reply.citations[0]!.quote).toMatch(/99-QĐ\/TW/);
    expect(reply.citations.some((c) => /85-Q/.test(c.quote))).toBe(false);
  });

  it('"may" is a modal in English, and the glossary reads "shift responsibility", "lower levels", "journalism award", "enter"', async () => {
    const shift = await ask('Under Dien Bien Plan 22, may leaders shift responsibility onto lower levels?');
    expect(fold(shift.answer)).toContain('khong phe mec cho cap du6i');
    const award = await ask('Which journalism award should reporters be encouraged to enter for Party-building coverage?');
    expect(fold(award.answer)).toMatch(/bua liem (vang|yang)/);
  });

  it('"What formats …" asks for a list: the section of forms answers', async () => {
    const reply = await ask('What formats does the Dien Bien guidance suggest for spreading Plan 22?');
    expect(fold(reply.citations[0]!.quote)).toMatch(/podcast, video ngan/);
  });
});
