/**
 * Answering behaviours the eval measures, pinned on the real corpus: lead-in
 * quotes extended, questions about a document answered from its metadata with
 * a verbatim quote, near-misses refused, OCR digit damage read through.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../ingest/clean.js';
import { demandsOf } from '../src/answer/demands.js';
import { metadataKind } from '../src/answer/metadata.js';
import { fold } from '../src/text/fold.js';
import { namedProvinces } from '../src/text/provinces.js';
import { analyzeQuery, dutySubject, leadsWith, namingWords, placeNames } from '../src/retrieval/query.js';
import { contractAcronyms } from '../src/text/shorthand.js';
import type { NodeRuntime } from '../src/node.js';
import { scoreSentence } from '../src/retrieval/sentence-score.js';
import { searchTerms, syllables } from '../src/text/tokens.js';
import { corpusDir, testRuntime } from './helpers/runtime.js';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await testRuntime();
}, 60_000);

const ask = (question: string) => runtime.assistant.ask({ question });
const verbatim = (source: string, quote: string) => matchKey(readFileSync(join(corpusDir, source), 'utf8')).includes(matchKey(quote));

describe('answer quality', () => {
  it('extends a lead-in ending with ":" to the sentences that hold the answer', async () => {
    const reply = await ask('Phương châm "3 hơn" là gì?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/3 hon”:\s*\n?Quy[ée]t li[ée]t hon/);
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
  });

  it('answers who signed a document from its metadata, quoting the signature line', async () => {
    const reply = await ask('Ai ký Kế hoạch 67-KH/ĐU?');
    expect(reply.answer).toContain('Tô Thị Thu Hường');
    expect(reply.citations[0]).toMatchObject({ source: 'dang-uy-phuong-ke-hoach-67-kh-du.txt', quote: 'Tô Thị Thu Hường' });
  });

  it('names the document a plan is based on, preferring the level the question asks for', async () => {
    const reply = await ask('Kế hoạch tuyên truyền của Ban Tuyên giáo Tỉnh ủy Sơn La căn cứ hướng dẫn nào của Trung ương?');
    expect(reply.citations[0]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    expect(reply.answer).toContain('108-');
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
  });

  it('refuses near-misses: an amount of money the text never gives, a place it never names', async () => {
    expect((await ask('Định mức kinh phí tối đa cho mỗi hội nghị cấp tỉnh là bao nhiêu tiền?')).answered).toBe(false);
    expect((await ask('Tỉnh Thanh Hóa triển khai Kết luận 226-KL/TW bằng kế hoạch số mấy?')).answered).toBe(false);
    expect((await ask('Mức phụ cấp hằng tháng cho báo cáo viên là bao nhiêu?')).answered).toBe(false);
  });

  it('asks the quote to count the unit asked for, not just mention it or a number', async () => {
    // "bao nhiêu ủy viên / chương": the text names Ban Thường vụ and Quy định 85, never counts them.
    expect((await ask('Ban Thường vụ Tỉnh ủy Điện Biên có bao nhiêu ủy viên?')).answered).toBe(false);
    expect((await ask('Quy định 85-QĐ/TW có bao nhiêu chương?')).answered).toBe(false);
    // The question's own number (226) is not the percentage it asks for.
    expect((await ask('Kết luận 226 yêu cầu bao nhiêu phần trăm văn bản phải số hóa?')).answered).toBe(false);
    // "khóa mấy" is answered by a Roman numeral ("khóa XIV").
    const term = await ask('Hội nghị lần thứ hai là của Ban Chấp hành Trung ương Đảng khóa mấy?');
    expect(term.answered).toBe(true);
    expect(term.answer).toMatch(/khóa XIV/i);
    const percent = await ask('Văn bản hành chính phải cắt giảm tối thiểu bao nhiêu phần trăm?');
    expect(percent.answered).toBe(true);
    expect(percent.answer).toContain('15%');
  });

  it('wants a day for "ngày nào" and a named place for "xã/phường nào"', async () => {
    expect(analyzeQuery('Hội nghị tổng kết tổ chức vào ngày nào?').intents.has('list')).toBe(false);
    expect(analyzeQuery('Tuyên truyền trên những mạng xã hội nào?').intents.has('list')).toBe(true);
    expect((await ask('Hội nghị tổng kết Kế hoạch 22 tổ chức vào ngày nào?')).answered).toBe(false);
    expect((await ask('Kế hoạch 67-KH/ĐU là của đảng ủy xã nào?')).answered).toBe(false);
  });

  it('prefers the document of the place the question names; "gồm những gì" is not content', async () => {
    const docs = runtime.kb.documents();
    const tamDuong = docs.find((d) => d.issuer?.includes('Tam Đường'))!;
    expect(placeNames(tamDuong)).toContain('tam duong');
    expect(analyzeQuery('Nội dung tuyên truyền gồm những gì?').content.map((t) => t.term)).not.toContain('gom');
    const passages = await runtime.kb.retriever().retrieve(analyzeQuery('Sơn La tuyên truyền qua những phương tiện cổ động trực quan nào?'));
    expect(passages[0]!.doc.place).toBe('Sơn La');
  });

  it('answers from a close runner-up that covers the question when the boosted heading does not', async () => {
    const reply = await ask('Trung tâm Văn hóa, Thể thao và Truyền thông huyện cần làm gì để hưởng ứng Giải Búa Liềm Vàng?');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('Phát động cán bộ, phóng viên');
  });

  it('a follow-up that swaps a word or a bound asks about the new one only', () => {
    const history = [{ role: 'user' as const, content: 'Hội nghị trực tuyến phải chiếm ít nhất bao nhiêu phần trăm?' }];
    const terms = analyzeQuery('Vậy hội nghị trực tiếp tối đa bao nhiêu?', history).content.map((t) => t.term);
    expect(terms).toContain('tiep');
    expect(terms).not.toContain('tuyen');
    expect(terms).not.toContain('it');
    const level = analyzeQuery('Thế cấp xã thì sao?', [{ role: 'user', content: 'Cấp tỉnh được tổ chức mấy hội nghị mỗi năm?' }]);
    expect(level.content.map((t) => t.term)).not.toContain('tinh');
    expect(level.content.map((t) => t.term)).toContain('nghi');
  });

  it('still answers the same topics when the corpus states them, through OCR damage', async () => {
    const reply = await ask('Cấp xã được tổ chức tối đa mấy hội nghị quy mô toàn xã mỗi năm?');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('03 hoi nghi');
  });
});

describe('text helpers behind it', () => {
  it('reads digits OCR put inside words as letters, but leaves numbers and codes alone', () => {
    expect(syllables('clp x4 t6i b9 03 2026 covid19')).toEqual(['clp', 'xa', 'toi', 'bo', '3', '2026', 'covid19']);
    expect(searchTerms('x4 hoi')).toContain('xa_hoi');
  });

  it('tells questions about a document from questions about its content', () => {
    expect(metadataKind('Ai ký Kế hoạch 67-KH/ĐU?')).toBe('signer');
    expect(metadataKind('Kế hoạch 121-KH/BTGTU được ban hành ngày nào?')).toBe('date');
    expect(metadataKind('Hướng dẫn của huyện Tam Đường thực hiện văn bản nào của tỉnh?')).toBe('basis');
    expect(metadataKind('Hằng năm phải xây dựng kế hoạch thực hiện Kết luận 226 xong trước khi nào?')).toBeUndefined();
  });
});

describe('accent-aware matching in clean text', () => {
  it('does not take "cán … cuộc" for "căn cước", but reads a diacritic typo inside a phrase', async () => {
    const { scoreSentence } = await import('../src/retrieval/sentence-score.js');
    const idf = () => 1;
    const question = analyzeQuery('Cấp căn cước công dân ở đâu?');
    expect([...question.accents!.get('can')!]).toEqual(['căn']);
    const wrong = scoreSentence('Cán bộ tham gia công cuộc xây dựng; cấp phát cho công dân.', question, idf, { accents: true });
    const plain = scoreSentence('Cán bộ tham gia công cuộc xây dựng; cấp phát cho công dân.', question, idf);
    expect(wrong.exactCoverage).toBeLessThan(plain.exactCoverage);
    // An unaccented question claims nothing about diacritics.
    expect(analyzeQuery('cap can cuoc cong dan o dau?').accents!.size).toBe(0);
    // "Bùa Liềm Vàng" typed for "Búa liềm vàng": the matching neighbours make it the same words.
    const typo = analyzeQuery('Giải Búa liềm vàng là gì?');
    const score = scoreSentence('Tham gia Giải “Bùa Liềm Vàng” năm 2023.', typo, idf, { accents: true });
    expect(score.exactCoverage).toBeCloseTo(scoreSentence('Tham gia Giải “Búa Liềm Vàng” năm 2023.', typo, idf, { accents: true }).exactCoverage);
  });

  it('refuses a question whose accented words the documents only hold with other diacritics', async () => {
    const reply = await ask('Làm thủ tục cấp căn cước công dân cần giấy tờ gì?');
    expect(reply.answered).toBe(false);
  });
});

describe('OCR two-letter syllables', () => {
  it('accepts one wrong letter in a two-letter word only beside a matched neighbour', async () => {
    const { scoreSentence } = await import('../src/retrieval/sentence-score.js');
    const idf = () => 1;
    const question = analyzeQuery('Xử lý hồ sơ đạt mức nào?');
    const phrase = scoreSentence('Xit Iy hd so dat 95%.', question, idf, { fuzzy: true });
    const alone = scoreSentence('Xit Iy hd ba dat 95%.', question, idf, { fuzzy: true });
    expect(phrase.exactCoverage).toBeGreaterThan(alone.exactCoverage);
    // Clean text is never read as damaged.
    expect(scoreSentence('Xit Iy hd so dat 95%.', question, idf).exactCoverage).toBeLessThan(phrase.exactCoverage);
  });
});

describe('heading says who, sentence says what', () => {
  it('prefers the sentence of the section named in the question that holds the rest of it', async () => {
    const reply = await ask('Các chi, đảng bộ trực thuộc huyện kiến nghị giải pháp với ai?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/kiến nghị với Huyện ủy/);
  });

  it('answers "những mạng xã hội nào" with the sentence that writes the phrase before its list', async () => {
    const reply = await ask('Kế hoạch 121 của Ban Tuyên giáo Tỉnh ủy Sơn La tuyên truyền trên những mạng xã hội nào?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/Facebook, Zalo, Youtube/);
  });
});

describe('document named as the subject', () => {
  it('takes the first document type named as the subject and finds the document implementing the numbered one', async () => {
    const { subjectType } = await import('../src/retrieval/query.js');
    expect(subjectType('Hướng dẫn triển khai Kế hoạch 22 được gửi tới đâu?')).toBe('huong dan');
    expect(subjectType('Kế hoạch 22 hướng dẫn gì?')).toBe('ke hoach');
    const passages = await runtime.kb.retriever().retrieve(analyzeQuery('Hướng dẫn triển khai Kế hoạch 22 được gửi tới ban xây dựng đảng của bao nhiêu xã, phường?'));
    expect(passages[0]!.doc.docType).toBe('Hướng dẫn');
    expect(passages[0]!.doc.title).toMatch(/22-KH\/TU/);
  });

  it('answers from the implementing document: the words naming it need not be in the quote', async () => {
    const reply = await ask('Hướng dẫn triển khai Kế hoạch 22 được gửi tới ban xây dựng đảng của bao nhiêu xã, phường?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toContain('45 xã, phường');
    expect(reply.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
  });
});

describe('chat shorthand', () => {
  it('expands phone shorthand, keeps acronyms the documents use, splits glued document numbers', async () => {
    const { expandShorthand } = await import('../src/text/shorthand.js');
    expect(expandShorthand('ket luan dc noi may tieng, ko?')).toBe('ket luan được phát biểu may giờ, không?');
    expect(expandShorthand('Đảng ủy UBND tỉnh')).toBe('Đảng ủy UBND Ủy ban nhân dân tỉnh');
    expect(expandShorthand('KH22 ký hồi nào')).toBe('Kế hoạch 22 ký khi nào');
    // "xa hoi nao" is "xã hội nào", not "when".
    expect(expandShorthand('tuyen truyen tren mang xa hoi nao')).toBe('tuyen truyen tren mang xa hoi nao');
    expect(analyzeQuery('tuyen truyen tren mang xa hoi nao').intents.has('time')).toBe(false);
    expect(expandShorthand('NQ 14 thay bằng gì, theo 22-KH/TU')).toBe('Nghị quyết 14 thay bằng gì, theo 22-KH/TU');
    expect(expandShorthand('ddi hop co dduoc docj lai tai lieu ko')).toBe('di hop hội nghị co duoc doc lai tai lieu không');
    expect(expandShorthand('phoi hop tac')).toBe('phoi hop tac');
    expect(expandShorthand('so tt&tt son la')).toBe('so tttt Thông tin và Truyền thông son la');
    // Pointers and the purpose asked are not the topic: "mà X nhắc tới", "có nói về chuyện …", "nhằm mục đích gì".
    const terms = (q: string) => analyzeQuery(q).content.map((t) => t.term);
    expect(terms('Nghị quyết mà Tam Đường nhắc tới thuộc nhiệm kỳ nào?')).not.toContain('nhac');
    expect(terms('kh22 co noi ve chuyen bao cao trung lap ko')).toEqual(expect.not.arrayContaining(['noi', 'chuyen']));
    expect(terms('cung cấp thông tin để nhằm mục đích gì?')).toEqual(expect.not.arrayContaining(['nham', 'muc', 'dich']));
    expect(terms('Mục đích của Kế hoạch 22 là gì?')).toContain('muc');
    // "Ngoài X, … còn Y": X is known to the asker.
    const given = analyzeQuery('Ngoài đưa tin về Kế hoạch 22, báo chí còn phải phản ánh điều gì?').content;
    expect(given.find((t) => t.term === 'dua')!.weight).toBeLessThan(1);
    expect(given.find((t) => t.term === 'anh')!.weight).toBe(1);
    // "bị" marks the passive; "Bí thư" is a position.
    expect(terms('báo cáo bị trùng lặp')).not.toContain('bi');
    expect(terms('Bí thư Tỉnh ủy làm gì')).toContain('bi');
    expect(terms('Những hội nghị nào thì không nên tổ chức?')).not.toContain('nen');
    expect(terms('xây dựng nền tảng tư tưởng')).toContain('nen');
    // "bộ máy" is a machine of state, not "mấy".
    expect(analyzeQuery('nâng cao chất lượng bộ máy theo hướng nào?').intents.has('quantity')).toBe(false);
    // Everyday words become the directives' words; bare forms that are other words stay.
    expect(expandShorthand('gặp chuyện phức tạp thì làm xong khi nào')).toBe('gặp vấn đề phức tạp thì làm hoàn thành khi nào');
    expect(expandShorthand('chuyen doi so')).toBe('chuyen doi so');
    expect(expandShorthand('họp online')).toBe('họp hội nghị trực tuyến');
    // "bn" closing a yes/no question is "bạn", not "bao nhiêu".
    expect(expandShorthand('co dc dung ko bn')).toBe('co được dung không');
    expect(expandShorthand('toi da bn')).toBe('toi da bao nhiêu');
    // Speaking for a length of time at a conference is "phát biểu"; "mà", "ở" are not content.
    expect(expandShorthand('tham luan dc noi bao lau')).toBe('tham luan được phát biểu bao lau');
    expect(expandShorthand('hd tuyen truyen kh22 ban hanh ngay may')).toBe('Hướng dẫn tuyen truyen Kế hoạch 22 ban hanh ngay may');
    expect(expandShorthand('tuyen truyen xd dang tren mxh nao')).toBe('tuyen truyen xây dựng dang tren mạng xã hội nao');
    expect(analyzeQuery('Số hội nghị mà cấp xã tổ chức ở đâu').content.map((t) => t.term)).not.toContain('ma');
    expect(analyzeQuery('tham luan o hoi nghi').content.map((t) => t.term)).toEqual(['tham', 'luan', 'hoi', 'nghi']);
    // "kế hoạch 5 năm nào" asks which plans, not which year.
    expect(analyzeQuery('những kế hoạch 5 năm nào giai đoạn 2026 - 2030').intents.has('time')).toBe(false);
  });

  it('reads a written-out ordinal as its number (lần thứ hai = 2, khóa XIV = 14)', async () => {
    const { tokenizeSentence } = await import('../src/retrieval/sentence-score.js');
    const { set } = tokenizeSentence('Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng khóa XIV; quý I/2026');
    for (const n of ['2', '14', '1']) expect(set.has(n)).toBe(true);
    expect(tokenizeSentence('hai bên cùng có lợi').set.has('2')).toBe(false);
  });

  it('reads y and i after a single consonant as one spelling', async () => {
    const { foldedSyllables } = await import('../src/text/tokens.js');
    expect(foldedSyllables('tỷ lệ, kỳ họp, lý do')).toEqual(foldedSyllables('tỉ lệ, kì họp, lí do'));
    expect(foldedSyllables('quy định, tuy nhiên')).toEqual(['quy', 'dinh', 'tuy', 'nhien']);
  });

  it('treats counters and lengths of time as answered by any count', async () => {
    const reply = await ask('hội nghị quán triệt nghị quyết tối đa mấy tiếng vậy');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(reply.answer).toContain('1/2 ngay');
  });

  it('refuses a who-question whose act no quote states, and reads a signer from a scanned closing', async () => {
    expect((await ask('Giải Búa liềm vàng năm 2023 ai đạt giải nhất?')).answered).toBe(false);
    const signer = await ask('ai ky kh 22 cua tinh uy dien bien');
    expect(signer.answered).toBe(true);
    expect(signer.answer).toContain('Tran Tién Diing');
  });

  it('searches the scanned document of the place a question names, not only the corpus-wide best', async () => {
    for (const question of ['Sơn La tuyên truyền trên mạng xã hội bằng những dạng nội dung gì?', 'bên văn hóa thể thao du lịch Sơn La lo mảng nào trong tuyên truyền?']) {
      const reply = await ask(question);
      expect(reply.answered).toBe(true);
      expect(reply.citations[0]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    }
  });

  it('refuses when the words of the question are only scattered across a sentence', async () => {
    const reply = await ask('lam thu tuc cap can cuoc cong dan can giay to gi?');
    expect(reply.answered).toBe(false);
  });

  it('quotes the part of a list of documents about the one asked for', async () => {
    const reply = await ask('QĐ 100 nói về cái gì');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/^Quy định số 100-QĐ\/TW ngày 28\/02\/2023 về trách nhiệm/);
    expect(reply.citations[0]!.quote).not.toMatch(/101-QĐ/);
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
  });

  it('a follow-up that swaps one body for another drops the whole old name', async () => {
    const history = [
      { role: 'user' as const, content: 'Sở Văn hóa Thể thao và Du lịch Sơn La có nhiệm vụ gì trong kế hoạch tuyên truyền?' },
      { role: 'assistant' as const, content: 'Sở hướng dẫn ngành về công tác thông tin cổ động trực quan.' },
    ];
    const reply = await runtime.assistant.ask({ question: 'Còn Sở Thông tin và Truyền thông thì được đề nghị gì?', history });
    expect(reply.citations[0]!.section).toBe('IV.5');
  });

  it('a follow-up naming another document asks about that one', async () => {
    const history = [{ role: 'user' as const, content: 'Quy định 85-QĐ/TW nói về gì?' }];
    const reply = await runtime.assistant.ask({ question: 'còn quy định 100 thì sao?', history });
    expect(reply.citations[0]!.quote).toContain('100-QĐ/TW');
    expect(reply.citations[0]!.quote).not.toContain('85-QĐ/TW');
  });

  it('"ra ngày nào" asks when a document was issued', async () => {
    const reply = await ask('Hướng dẫn của Ban TG&DV về KH 22 ra ngày nào?');
    expect(reply.answer).toContain('21/01/2026');
    expect(reply.citations[0]!.quote).toMatch(/ngày\s+21\s+tháng 01 năm 2026/);
  });

  it('"căn cứ HD nào" asks for the Hướng dẫn a plan is based on, even in a question that names a Kế hoạch', async () => {
    const reply = await ask('kh 121 son la can cu hd nao cua ban tuyen giao tw');
    expect(reply.answer).toMatch(/108- ?HD\/BTGTW/);
  });

  it('answers an English question about the guidance a plan implements', async () => {
    const reply = await ask("Which central guidance does Son La's propaganda plan 121 implement?");
    expect(reply.citations[0]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    expect(reply.answer).toMatch(/108- ?HD\/BTGTW/);
  });

  it('answers English questions in the corpus\'s own vocabulary (bodies, discipline, propaganda forms), still refusing off-topic ones', async () => {
    const broadcasters = await ask('Which broadcasters are to become units under the Central Committee?');
    expect(broadcasters.citations[0]!.quote).toContain('Đài Tiếng nói Việt Nam');
    const zones = await ask('What does the plan say about forbidden zones and exceptions?');
    expect(zones.citations[0]!.quote).toContain('không có vùng cấm, không có ngoại lệ');
    const teams = await ask('What are mobile information teams used for?');
    expect(teams.citations[0]!.quote).toContain('đội thông tin lưu động');
    expect((await ask('What is the population of Son La?')).answered).toBe(false);
  });

  it('reads English basis questions phrased "… is … based on", generic verbs and hyphenated words', async () => {
    const basis = await ask("What central guidance is Son La's propaganda plan 121 based on?");
    expect(basis.answer).toMatch(/108- ?HD\/BTGTW/);
    const length = await ask('How long can a professional conference last?');
    expect(length.answered).toBe(true);
    expect(length.citations[0]!.quote).toMatch(/chuy[eé]n m[eé]n kh[oô]ng qu[aá] 01 ng[aà]y/i);
    const signer = await ask('Who signed the Tam Duong guidance on party-building propaganda?');
    expect(signer.answer).toContain('Đỗ Đăng Hợi');
  });

  it('refuses an event the corpus does not cover even when its number occurs elsewhere ("Trung ương 3" vs "3 đột phá")', async () => {
    expect((await ask('Hội nghị Trung ương 3 khóa XIV bàn về những nội dung gì?')).answered).toBe(false);
    // The second plenum is written "Hội nghị lần thứ hai": still answered.
    const second = await ask('Hội nghị Trung ương 2 khóa XIV đồng ý thành lập thành phố nào trực thuộc Trung ương?');
    expect(second.answer).toContain('Đồng Nai');
  });

  it('a position the question names must be the one the quote names; "khóa 16" is "khóa XVI"', async () => {
    expect((await ask('Ai được giới thiệu bầu làm Chủ tịch nước khóa XVI?')).answered).toBe(false);
    const elected = await ask('ai dc bau bo sung ubkt tw khoa 14');
    expect(elected.answer).toContain('Nghiêm Xuân Thành');
  });

  it('answers "số hiệu" from the document\'s own number, refuses when it has none', async () => {
    const numbered = await ask('Kế hoạch tuyên truyền của Sơn La có số hiệu là gì?');
    expect(numbered.answer).toContain('Số hiệu: 121-KH/BTGTU');
    expect((await ask('Hướng dẫn tuyên truyền Kế hoạch 22 của Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên mang số bao nhiêu?')).answered).toBe(false);
  });

  it('a duty question is answered under the heading that names the body, not under any heading', async () => {
    const reply = await ask('Ban Tổ chức Tỉnh ủy Điện Biên có trách nhiệm gì khi thực hiện Kết luận 226?');
    expect(reply.citations.some((c) => /ti[eé]u chi d[eé]nh gi/i.test(c.quote) && c.source === 'dien-bien-ke-hoach-22-kh-tu.txt')).toBe(true);
  });

  it('an undated document named by number is not dated by a document it cites', async () => {
    expect((await ask('Kế hoạch 67-KH/ĐU được ban hành ngày nào?')).answered).toBe(false);
    expect((await ask('Kế hoạch 22-KH/TU ban hành ngày nào?')).answer).toContain('16/01/2026');
  });

  it('"ai ký / đồng chí nào ký" is answered by a signature or refused, never by a sentence naming the document', async () => {
    expect((await ask('Kết luận 226-KL/TW do đồng chí nào ký?')).answered).toBe(false);
    expect((await ask('Ai ký hướng dẫn tuyên truyền Kế hoạch 22-KH/TU của Ban Tuyên giáo và Dân vận Tỉnh ủy?')).answered).toBe(false);
    expect((await ask('Kế hoạch 67 do đồng chí nào ký?')).answer).toContain('Tô Thị Thu Hường');
  });

  it('a short label opening a paragraph is quoted with the sentence that explains it', async () => {
    const reply = await ask('Nguyên tắc "tăng trưởng thực chất" được hiểu như thế nào?');
    expect(reply.citations[0]!.quote).toMatch(/^Tăng trưởng thực chất\. Không đánh đổi chất lượng/);
  });

  it('dates a document without a dated header by its digital signature, and a cited guidance by its own date', async () => {
    const signed = await ask('Hướng dẫn của Tam Đường ký ngày nào?');
    expect(signed.answer).toContain('Ngày ký số: 04/07/2023');
    expect(signed.citations[0]!.quote).toBe('Đỗ Đăng Hợi');
    const cited = await ask('HD 122 của Ban Tuyên giáo Lai Châu ra ngày nào?');
    expect(cited.answer).toMatch(/23\/6\/2023/);
  });

  it('quotes the clean document when a clean and a scanned one cite the same regulation', async () => {
    const reply = await ask('Quy định 99-QĐ/TW nói về vấn đề gì?');
    expect(reply.citations[0]!.source).toBe('tam-duong-huong-dan-tuyen-truyen-xay-dung-dang.txt');
    expect(reply.citations[0]!.quote).toContain('cờ Đảng');
  });

  it('an English question keeps the document number it names (85-QĐ/TW)', async () => {
    const reply = await ask('What is Regulation 85-QĐ/TW about?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/85-Q[DĐ]\/TW/);
    expect(reply.answer).toMatch(/trang th[oô]ng tin/i);
  });

  it('follows up on the document the last answer quoted', async () => {
    const first = await ask('xã được họp toàn xã mấy lần 1 năm?');
    expect(first.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    const history = [{ role: 'user' as const, content: 'xã được họp toàn xã mấy lần 1 năm?' }, { role: 'assistant' as const, content: first.answer }];
    const next = await runtime.assistant.ask({ question: 'còn cấp tỉnh thì sao?', history });
    expect(next.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(next.answer).toMatch(/02 h.i ngh/);
  });

  it('words naming the issuer or place pick the document, not sentences that repeat them', async () => {
    const reply = await ask('Hướng dẫn của Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên đề ra những hình thức tuyên truyền nào?');
    expect(reply.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(reply.citations[0]!.quote).toMatch(/podcast/i);
    const analysis = analyzeQuery('Hướng dẫn của Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên đề ra những hình thức tuyên truyền nào?');
    const meta = runtime.kb.documents().find((d) => d.id === 'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu')!;
    expect([...namingWords(analysis, meta)].sort()).toEqual(['ban', 'bien', 'dan', 'dien', 'giao', 'huong', 'tinh', 'tuyen', 'uy', 'va', 'van']);
    // A place names its document as the subject ("Sơn La tuyên truyền …"), not inside a body's name ("Báo … Điện Biên").
    const sonLa = runtime.kb.documents().find((d) => d.id === 'son-la-ke-hoach-121-kh-btgtu')!;
    expect([...namingWords(analyzeQuery('Sơn La tuyên truyền qua những kênh nào?'), sonLa)].sort()).toEqual(['la', 'son']);
    const dienBien = runtime.kb.documents().find((d) => d.id === 'dien-bien-ke-hoach-22-kh-tu')!;
    expect(namingWords(analyzeQuery('Báo và đài Điện Biên phải làm gì với KH 22?'), dienBien).size).toBe(0);
  });

  it('a plan named by its type and title words (a scan misreads them) is named, its title words are not asked', async () => {
    const plan = runtime.kb.documents().find((d) => d.id === 'dien-bien-ke-hoach-22-kh-tu')!;
    // The scan's title: "Trién khai Két luéin s6 226-KL/TW … chin chinh 12 16i 1am viée".
    const byTitle = analyzeQuery('Đảng ủy HĐND tỉnh được giao nhiệm vụ gì trong kế hoạch chấn chỉnh lề lối làm việc?');
    expect([...namingWords(byTitle, plan)]).toEqual(expect.arrayContaining(['ke', 'hoach', 'chan', 'chinh', 'loi', 'lam', 'viec']));
    // The title may follow its issuer: "kế hoạch của Tỉnh ủy Điện Biên về chấn chỉnh …".
    const afterIssuer = analyzeQuery('Theo kế hoạch của Tỉnh ủy Điện Biên về chấn chỉnh lề lối làm việc, số hội nghị giảm bao nhiêu?');
    expect([...namingWords(afterIssuer, plan)]).toEqual(expect.arrayContaining(['ke', 'hoach', 'chan', 'chinh', 'le', 'loi', 'lam', 'viec']));
    expect(namingWords(afterIssuer, plan).has('giam')).toBe(false);
    const reply = await ask('Theo kế hoạch triển khai Kết luận 226 ở Điện Biên, mỗi năm số văn bản hành chính phải giảm ít nhất bao nhiêu so với năm trước?');
    expect(reply.citations[0]!.quote).toMatch(/15%/);
    // Title words without the type before them are the question's own ("tuyên truyền kết quả …").
    expect(namingWords(analyzeQuery('Tuyên truyền kết quả Hội nghị Trung ương 2 qua kênh nào?'), plan).size).toBe(0);
  });

  it('"gửi báo cáo cơ quan nào" is answered from the recipients list: the lines marked "(b/c)", a scan\'s "(& bdo cdo)" too', async () => {
    const tamDuong = await ask('Hướng dẫn của Tam Đường gửi báo cáo lên cơ quan cấp trên nào?');
    expect(tamDuong.citations[0]!.section).toBe('Nơi nhận');
    expect(tamDuong.citations[0]!.quote).toBe('- Ban Tuyên giáo Tỉnh ủy (b/c),\n- TT Huyện uỷ (b/c),');
    const plan = await ask('KH 22 gui bao cao len nhung co quan trung uong nao');
    expect(plan.citations[0]!.quote).toMatch(/Ban Bi ttur Trung wong[\s\S]*Vin phong Trung wong Dang \(@ bdo cdo\),$/);
    // Without "báo cáo", the whole list; the body's reporting rule ("gửi về đâu, bao lâu một lần") is no recipients question.
    expect((await ask('Kế hoạch 67 gửi cho những cơ quan nào?')).citations[0]!.quote).toMatch(/Công an phường/);
    expect((await ask('Báo cáo kết quả thực hiện KH 22 gửi về đâu, bao lâu một lần?')).citations[0]!.section).not.toBe('Nơi nhận');
  });

  it('a document\'s purpose or requirements, asked of it by name only, come from its "Mục đích" / "Yêu cầu" section', async () => {
    const purpose = await ask('Hướng dẫn tuyên truyền KH 22 nhằm mục đích gì?');
    expect(purpose.citations[0]!.sectionTitle).toBe('Mục đích');
    expect(purpose.citations[0]!.quote).toMatch(/nhận thức sâu sắc, đầy đủ/);
    // "quán triệt Kế hoạch 22" names the plan and the guidance titled so: the guidance's name says more of it.
    const needs = await ask('Việc quán triệt, tuyên truyền Kế hoạch 22 cần đáp ứng những yêu cầu gì?');
    expect(needs.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(needs.citations[0]!.quote).toMatch(/nghiêm túc, kịp thời/);
    // The scan's heading "Muc dich" (the plan) is that section too; "yêu cầu gì đối với …" asks something else.
    const plan = (await ask('Kế hoạch 22 nhằm mục đích gì?')).citations[0]!;
    expect([plan.source, plan.section]).toEqual(['dien-bien-ke-hoach-22-kh-tu.txt', 'I.1']);
    expect((await ask('Kế hoạch 22 yêu cầu gì đối với việc ban hành văn bản?')).citations[0]?.section).not.toBe('I.2');
  });

  it('"gắn với phong trào gì": a close sentence that names the thing after the preposition answers', async () => {
    const reply = await ask('Các đảng ủy xã, phường gắn việc tuyên truyền Kế hoạch 22 với phong trào gì?');
    expect(reply.citations[0]!.quote).toMatch(/phong trào thi đua yêu nước/);
  });

  it('dates a cited document named back ("Hướng dẫn đó", "mà nó căn cứ") or by type and number only ("hd 122")', async () => {
    // The last answer named the central guidance: "Hướng dẫn đó" is it, not the plan the last question named.
    const pointed = await runtime.assistant.ask({
      question: 'Hướng dẫn đó ban hành ngày nào?',
      history: [
        { role: 'user', content: 'Kế hoạch 121 của Sơn La căn cứ văn bản nào của Trung ương?' },
        { role: 'assistant', content: 'Căn cứ Hướng dẫn số 108-HD/BTGTW của Ban Tuyên giáo Trung ương.' },
      ],
    });
    expect(pointed.answer).toContain('20/6/2023');
    // "Hướng dẫn Trung ương mà nó căn cứ": the basis of the plan the last question named.
    const basis = await runtime.assistant.ask({
      question: 'Hướng dẫn Trung ương mà nó căn cứ được ban hành ngày nào?',
      history: [{ role: 'user', content: 'Kế hoạch 121 của Ban Tuyên giáo Tỉnh ủy Sơn La ban hành ngày nào?' }],
    });
    expect(basis.citations[0]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    expect(basis.answer).toContain('20/6/2023');
    const short = await ask('hd 122 cua ban tuyen giao tinh uy lai chau ban hanh ngay may');
    expect(short.answer).toContain('23/6/2023');
  });

  it('the top sentence stating the asked number in the asked unit answers on less of the wording ("tham luận … mấy phút")', async () => {
    const reply = await ask('Mỗi bài tham luận tại hội nghị được trình bày tối đa mấy phút?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/tham lu.n kh.ng qu. 10 ph/);
  });

  it('metadata asked other ways: the signer\'s position, "tháng mấy năm nào", a cited number with "ngày bao nhiêu"', async () => {
    const position = await ask('Người ký hướng dẫn tuyên truyền của Ban Tuyên giáo Huyện ủy Tam Đường giữ chức vụ gì?');
    expect(position.citations[0]!.quote).toBe('K/T TRƯỞNG BAN\nPHÓ BAN\nĐỗ Đăng Hợi');
    expect((await ask('kh 121 son la ban hanh thang may nam nao')).answer).toContain('19/07/2023');
    expect((await ask('huong dan 35-hd/btgdvtu cua ban tuyen giao va dan van tinh uy ngay bao nhieu')).answer).toContain('31/3/2026');
    // A deadline asked of a numbered plan is no date of issue.
    expect(metadataKind('Kế hoạch 22-KH/TU yêu cầu hoàn thành báo cáo ngày nào?')).toBeUndefined();
  });

  it('purpose and requirements: a plan named by its title words, "Yêu cầu đối với việc … là gì"', async () => {
    const purpose = await ask('Mục đích của Kế hoạch 22-KH/TU về chấn chỉnh lề lối làm việc là gì?');
    expect([purpose.citations[0]!.source, purpose.citations[0]!.section]).toEqual(['dien-bien-ke-hoach-22-kh-tu.txt', 'I.1']);
    const needs = await ask('Yêu cầu đối với việc nghiên cứu, quán triệt, tuyên truyền Kế hoạch 22 là gì?');
    expect(needs.citations[0]!.quote).toMatch(/nghiêm túc, kịp thời, sâu rộng/);
  });

  it('"không được / không phải <verb>" asks a prohibition: "không" stays a content word', async () => {
    expect(analyzeQuery('Trường hợp nào thì không được tổ chức hội nghị?').content.map((t) => t.term)).toContain('khong');
    expect(analyzeQuery('Có được tổ chức hội nghị không?').content.map((t) => t.term)).not.toContain('khong');
    const reply = await ask('Trường hợp nào thì không được tổ chức hội nghị?');
    expect(reply.citations[0]!.quote).toMatch(/n.u khong that su cn thi.t/);
  });

  it('"nói về chủ đề gì" is answered by the title lines under the document\'s type heading', async () => {
    const reply = await ask('KH 67 nói về việc gì?');
    expect(reply.citations[0]!.quote).toBe('tuyên truyền kết quả Hội nghị lần thứ hai\nBan Chấp hành Trung ương Đảng khóa XIV');
    expect(reply.answer).toContain('Trích yếu:');
    // A cited regulation's subject is not the citing plan's title.
    expect(metadataKind('Quy định 22-QĐ/TW được nhắc trong kế hoạch của Sơn La là về việc gì?')).toBeUndefined();
  });

  it('"của phường nào" needs a quote naming one ("phường X", "Tỉnh ủy Lai Châu"), not "địa phương"', async () => {
    expect((await ask('kh 67 la cua phuong nao vay')).answered).toBe(false);
    expect((await ask('hd cua tam duong thuc hien van ban cua tinh nao')).answer).toMatch(/Lai Châu/);
  });

  it('"<position> … là ai" asks for a person: a quote naming only the office is no answer', async () => {
    expect((await ask('Tổng Bí thư Ban Chấp hành Trung ương Đảng khóa XIV là ai?')).answered).toBe(false);
    expect((await ask('ai la bi thu tinh uy son la')).answered).toBe(false);
  });

  it('"Who is the <position> …" (English) and "Họ tên đồng chí ký …" ask for a person the documents must name', async () => {
    expect((await ask('Who is the General Secretary elected for the 14th tenure?')).answered).toBe(false);
    // Kế hoạch 121 names its signer's title only ("K/T TRƯỞNG BAN …"), no name.
    expect((await ask('Họ tên đồng chí ký Kế hoạch 121 của Ban Tuyên giáo Sơn La là gì?')).answered).toBe(false);
    expect(metadataKind('Họ tên người ký Kế hoạch 22 là gì?')).toBe('signer');
  });

  it('a sum of money asked ("tổng giá trị … bao nhiêu") needs a currency in the quote; "kinh phí" as a topic does not', async () => {
    expect((await ask('Giải Búa liềm vàng năm 2023 có tổng giá trị giải thưởng bao nhiêu?')).answered).toBe(false);
    expect((await ask('Kế hoạch có cho phép vượt định mức kinh phí phục vụ hội nghị không?')).answered).toBe(true);
  });

  it('a cited document\'s date (a scan\'s "ngdy" too) is no deadline, but answers "chỉ thị số mấy, ngày nào"', async () => {
    expect((await ask('han nop bao cao so ket 6 thang kh 121 cua son la la ngay nao')).answered).toBe(false);
    const cited = await ask('Chỉ thị của Ban Thường vụ Tỉnh ủy Sơn La về nâng cao trách nhiệm nêu gương của cán bộ, công chức là chỉ thị số mấy, ngày nào?');
    expect(fold(cited.answer)).toContain('18-ct/tu ngay 24/3/2022');
  });

  it('a scan\'s header line joining number, place and date ("S6 22-KH/TU Dién Bién, ngay 16 thdng 01 ndm 2026") is never quoted', async () => {
    const reply = await ask('Khi ban hành văn bản, Kế hoạch 22-KH/TU cấm những việc gì?');
    expect(reply.citations.every((c) => !/^S6 22-KH\/TU/.test(c.quote))).toBe(true);
  });

  it('"Chỉ thị nào …" / "Which … directive" prefers a close sentence citing a document of that type ("18-CT/TU")', async () => {
    for (const question of ['Chỉ thị nào của Sơn La về nâng cao trách nhiệm nêu gương của cán bộ, công chức?', 'Which Son La directive deals with the exemplary responsibility of officials and civil servants?']) {
      expect((await ask(question)).citations[0]!.quote).toMatch(/18-CT\/TU/);
    }
  });

  it('"Kế hoạch nào … thực hiện Kết luận 01-KL/TW": the quote keeps the plan cited before the named conclusion', async () => {
    const reply = await ask('Kế hoạch nào của Ban Thường vụ Tỉnh ủy Sơn La thực hiện Kết luận 01-KL/TW về học tập và làm theo Bác?');
    expect(reply.citations[0]!.quote).toMatch(/62-KH\/TU/);
  });

  it('answers a question its section heading restates with the section items, one quote each', async () => {
    const reply = await ask('Kế hoạch 67 tuyên truyền bằng những hình thức nào?');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('mục III – HÌNH THỨC TUYÊN TRUYỀN');
    expect(reply.citations.map((c) => c.section)).toEqual(['III.1', 'III.2', 'III.3', 'III.4']);
    for (const c of reply.citations) expect(verbatim(c.source, c.quote)).toBe(true);
    // Words the heading does not restate ("cho thanh niên, sinh viên") leave the question to the sentences.
    const narrower = await ask('Kế hoạch 67 tuyên truyền cho thanh niên, sinh viên bằng những hình thức nào?');
    expect(narrower.answer).not.toContain('HÌNH THỨC TUYÊN TRUYỀN');
  });

  it('"which X" prefers the sentence that names the X over one that only mentions it', async () => {
    const reply = await ask('son la tuyen truyen xd dang tren mxh nao');
    expect(reply.citations[0]!.quote).toMatch(/Facebook, Zalo, Youtube/);
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
  });

  it('reads who signed and which number from more ways of asking, and "số văn bản … giảm" as a count', () => {
    expect(metadataKind('Ai thay mặt Ban Thường vụ ký Kế hoạch 22-KH/TU?')).toBe('signer');
    expect(metadataKind('Ai đứng tên ký Kế hoạch 67?')).toBe('signer');
    expect(metadataKind('Năm 2023 Ban Tuyên giáo Sơn La ban hành kế hoạch số mấy?')).toBe('number');
    expect(metadataKind('Mỗi năm số văn bản hành chính phải giảm ít nhất bao nhiêu?')).not.toBe('number');
    expect(metadataKind('Ai báo cáo định kỳ cho Ban Thường vụ?')).toBeUndefined();
  });

  it('refuses a document the corpus neither holds nor cites, and an amount of a thing it never names', async () => {
    expect((await ask('Quy định 102-QĐ/TW về xử lý kỷ luật đảng viên có hiệu lực từ khi nào?')).answered).toBe(false);
    expect((await ask('Quy định 37-QĐ/TW nói về gì?')).answered).toBe(true);
    expect((await ask('Giải Búa liềm vàng năm 2023 có tổng giá trị giải thưởng là bao nhiêu?')).answered).toBe(false);
    // "tỷ lệ … là bao nhiêu" is answered by a percentage, which need not repeat "tỷ lệ".
    const rate = await ask('Tỷ lệ hội nghị trực tuyến tối thiểu là bao nhiêu?');
    expect(rate.answered).toBe(true);
    expect(rate.citations[0]!.quote).toContain('60%');
  });

  it('a question whose document words pick the passage needs only the rest in the sentence ("có cho làm podcast ko")', async () => {
    const reply = await ask('huong dan dien bien co cho lam podcast ko');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/podcast/);
  });

  it('quotes the whole sentence of the document a question names, and "giúp ai nắm" asks no act of the answer', async () => {
    const reply = await ask('Hướng dẫn tuyên truyền Kế hoạch 22 nhằm giúp ai nắm được những nội dung gì?');
    expect(reply.citations[0]!.quote).toMatch(/^Giúp cho các cấp ủy/);
  });

  it('"là đồng chí nào" needs a person named in the quote; "ngày tháng năm nào" asks a date', async () => {
    expect((await ask('Tổng Bí thư khóa XIV là đồng chí nào?')).answered).toBe(false);
    const named = await ask('Ủy viên Ủy ban Kiểm tra Trung ương được bầu bổ sung là đồng chí nào?');
    expect(named.answer).toContain('Nghiêm Xuân Thành');
    // Kế hoạch 67 carries no date: another document's date is not its date.
    expect((await ask('Kế hoạch 67-KH/ĐU được ban hành ngày tháng năm nào?')).answered).toBe(false);
  });

  it('"bao nhiêu buổi" is not answered by a date, a year or an ordinal', async () => {
    expect((await ask('Theo Hướng dẫn Điện Biên, mỗi xã phải tổ chức bao nhiêu buổi tuyên truyền Kế hoạch 22 mỗi tháng?')).answered).toBe(false);
  });

  it('narrows a long sentence to the clause with the words its heading does not already say', async () => {
    const reply = await ask('Trong chính quyền địa phương 2 cấp, cấp tỉnh và cấp xã phải mạnh về gì?');
    expect(reply.citations[0]!.quote).toContain('cấp xã mạnh về thực thi');
  });

  it('"Còn X thì gồm những gì?" turns to X: the sentence listing X, not the last answer again', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Còn hình thức tuyên truyền thì gồm những gì?',
      history: [
        { role: 'user', content: 'Hướng dẫn của Điện Biên nói việc tuyên truyền Kế hoạch 22 cao điểm vào lúc nào?' },
        { role: 'assistant', content: 'Việc nghiên cứu, quán triệt, tuyên truyền được thực hiện cao điểm trong quý I/2026.' },
      ],
    });
    expect(reply.citations[0]!.quote).toMatch(/^Hình thức nghiên cứu/);
    expect(reply.answer).toMatch(/podcast/);
  });

  it('"trường hợp nào thì không …" is answered by the condition ("nếu …")', async () => {
    const reply = await ask('Trường hợp nào thì không tổ chức hội nghị?');
    expect(reply.citations[0]!.quote).toMatch(/n[ée]u kh[oô]ng th[aậ]t s[uự] c[aầ]?n thi[eé]t/i);
  });

  it('a named document that never writes the question\'s rarest word does not outrank the one that does', async () => {
    const passages = await runtime.kb.retriever().retrieve(analyzeQuery('hinh thuc tuyen truyen kh 22 co podcast ko'));
    expect(passages[0]!.doc.id).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu');
  });

  it('a quoted name (“03 dám”) is quoted from the sentence that writes it, even misread by the scan', async () => {
    const reply = await ask('Phương châm "03 dám" trong Kế hoạch 22 gồm những gì?');
    expect(reply.citations[0]!.quote).toMatch(/03 ddm/);
  });

  it('"mấy lần 1 năm" / "how often" ask the frequency, which directives head "Tần suất"', async () => {
    for (const q of ['xã được họp mấy lần 1 năm', 'How often may a commune hold commune-wide conferences?']) {
      expect((await ask(q)).citations[0]!.quote).toMatch(/03 hoi nghi/);
    }
  });

  it('"kế hoạch nhắc X thế nào", "đặt mục tiêu": words that frame the question are not words the answer must hold', () => {
    const terms = analyzeQuery('Kế hoạch 67 nhắc tư tưởng giữ nước thế nào?').content.map((t) => t.term);
    expect(terms).not.toContain('nhac');
    expect(analyzeQuery('Kế hoạch nói gì về nắm tư tưởng?').content.map((t) => t.term)).not.toContain('noi');
    expect(analyzeQuery("mấy cái 'dám' của cán bộ là gì").content.map((t) => t.term)).not.toContain('cai');
    // "đặt mục tiêu … là bao nhiêu": the plan states the target ("Chỉ tiêu", "phấn đấu"), seldom the words "đặt mục tiêu".
    expect(analyzeQuery('Tỉnh đặt mục tiêu tỷ lệ hội nghị trực tuyến tối thiểu là bao nhiêu?').content.map((t) => t.term)).not.toContain('muc');
  });

  it('a sentence holding only the section heading\'s words gives way to the sentence of that section that holds the rest', async () => {
    const reply = await ask('Về quốc phòng, an ninh, kế hoạch 67 nhắc tư tưởng giữ nước thế nào?');
    expect(reply.citations[0]!.quote).toContain('giữ nước từ khi nước chưa nguy');
  });

  it('an acronym the documents never write (GRDP, SJC) names something they do not cover: refused', async () => {
    expect((await ask("What is Dien Bien province's GRDP growth target for 2026?")).answered).toBe(false);
    expect((await ask('Giá vàng SJC ở Điện Biên là bao nhiêu?')).answered).toBe(false);
    // Acronyms the corpus writes, or chat shorthand expands, still answer.
    expect((await ask('Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh làm gì?')).answered).toBe(true);
  });

  it('"mức phạt là bao nhiêu" is not answered by an ordinal ("khóa XIV"); "khóa mấy" is', async () => {
    expect((await ask('Mức xử phạt cán bộ đăng thông tin sai trái trên mạng xã hội là bao nhiêu?')).answered).toBe(false);
    expect((await ask('Kế hoạch 67 tuyên truyền Hội nghị Trung ương lần thứ hai khóa mấy?')).answer).toMatch(/khóa XIV/i);
  });

  it('"lần thứ mấy khóa mấy" asks two ordinals, not a count of "khóa"', async () => {
    const reply = await ask('ke hoach 67 tuyen truyen ket qua hoi nghi trung uong lan thu may khoa may');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/lần thứ hai .*khóa XIV/);
  });

  it('an acronym\'s spelled-out words are found where a text writes the acronym, also as a scan misread it', () => {
    const analysis = analyzeQuery('Đảng ủy HĐND tỉnh có trách nhiệm gì?');
    expect(analysis.content.filter((t) => t.alt === 'hdnd').map((t) => t.term)).toEqual(['hoi', 'dong', 'nhan', 'dan']);
    const idf = runtime.kb.retriever().idf;
    const near = runtime.kb.retriever().near;
    const scan = scoreSentence('3. Pang uy HDPND tinh tdng cudng gidm sat cdng tac cai cach hanh chinh;', analysis, idf, { fuzzy: true, near });
    const without = scoreSentence('3. Pang uy tinh tdng cudng gidm sat cdng tac cai cach hanh chinh;', analysis, idf, { fuzzy: true, near });
    expect(scan.coverage).toBeGreaterThan(without.coverage + 0.2);
  });

  it('a rare name the question writes ("Sơn La", "Đồng Nai") must be named by the quote, its heading or its document', async () => {
    const reply = await ask('Trong kế hoạch của Sơn La, Nghị quyết 28-NQ/TW về đổi mới phương thức lãnh đạo, cầm quyền của Đảng mang ngày nào?');
    expect(reply.citations[0]!.source).toBe('son-la-ke-hoach-121-kh-btgtu.txt');
    expect((await ask('Thành phố Đồng Nai chính thức hoạt động từ ngày nào?')).answered).toBe(false);
  });

  it('a near tie (within 15%) is quoted as a second excerpt', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Còn số lượng hội nghị phải giảm bao nhiêu?',
      history: [
        { role: 'user', content: 'Kế hoạch 22 yêu cầu cắt giảm văn bản hành chính bao nhiêu?' },
        { role: 'assistant', content: 'Tối thiểu 15% so với năm trước.' },
      ],
    });
    expect(reply.citations.map((c) => c.quote).join('\n')).toMatch(/tinh gi[aả]n 10%/i);
  });

  it('"Còn X thì sao?" asks what the last question asked, of X ("chủ trì" names the chair, it asks no "who")', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Còn phần kết luận của chủ trì thì sao?',
      history: [{ role: 'user', content: 'Ở Điện Biên phát biểu khai mạc hội nghị được tối đa bao lâu?' }],
    });
    expect(reply.citations.map((c) => c.quote).join('\n')).toMatch(/50 ph/);
  });

  it("a document's place-and-date header line answers no question but its date (asked through the metadata)", async () => {
    const reply = await ask("Which social networks does Son La's propaganda plan 121-KH/BTGTU name?");
    expect(reply.citations.every((c) => !/ngay 19 thang 7 nam 2023/.test(c.quote))).toBe(true);
    expect(analyzeQuery("Which social networks does Son La's plan name?").content.map((t) => t.term)).not.toContain('name');
  });

  it('"Which social networks does …" (English) prefers the sentence naming them, as "mạng xã hội nào" does', async () => {
    const reply = await ask("Which social networks does Son La's propaganda plan 121-KH/BTGTU name?");
    expect(reply.answer).toMatch(/Facebook/i);
  });

  it('"tuyên truyền Kế hoạch 22 …" also searches the guidance that spreads it (its title cites the plan)', async () => {
    const passages = await runtime.kb.retriever().retrieve(analyzeQuery('tuyen truyen ke hoach 22 bang nhung hinh thuc nao'));
    expect(passages.slice(0, 5).some((p) => p.doc.id === 'dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu' && /Hình thức/.test(p.chunk.sectionTitle))).toBe(true);
  });

  it('a duty question is answered from the section headed by the body, not the general duties nor a partner\'s section', async () => {
    // The scan's one-line item "3. Pang uy HDPND tinh tdng cudng gidm sat …" is that body's section.
    const hdnd = await ask('Đảng ủy HĐND tỉnh có trách nhiệm gì trong Kế hoạch 22?');
    expect(hdnd.citations[0]!.quote).toContain('HDPND tinh tdng cudng gidm sat');
    // "phối hợp với Ban Xây dựng đảng Đảng ủy …" in other bodies' sections names it as a partner.
    const party = await ask('Ban Xây dựng đảng Đảng ủy phường có nhiệm vụ gì trong tuyên truyền Hội nghị Trung ương 2?');
    expect(party.citations[0]!.sectionTitle).toBe('Ban Xây dựng đảng Đảng ủy');
    // "8. Vén phong Tinh ty chu tri …": the name misread by the scan still heads that section.
    const office = await ask('Văn phòng Tỉnh ủy Điện Biên có nhiệm vụ gì trong việc triển khai Kế hoạch 22?');
    expect(office.citations[0]!.quote).toMatch(/^V.n phong Tinh ty chu tri/);
  });
});

describe('near misses refused: the quote must state what the question asks for', () => {
  const answered = async (question: string) => (await ask(question)).answered;
  const quotes = async (question: string) => (await ask(question)).citations.map((c) => c.quote).join('\n');

  it('a salary ("lương", also written "luong") is not "số lượng" or "chất lượng"', async () => {
    expect(await answered('luong co so nam 2026 la bao nhieu')).toBe(false);
    expect(await answered('Which decree sets the salary scale for commune officials in 2026?')).toBe(false);
    expect(demandsOf(analyzeQuery('thoi luong hoi nghi quan triet nghi quyet toi da bao lau')).salary).toBe(false);
    expect(demandsOf(analyzeQuery('Bảo đảm an ninh lương thực thế nào?')).salary).toBe(false);
    // An allowance is pay too.
    expect(demandsOf(analyzeQuery('muc phu cap cho bao cao vien la bn')).salary).toBe(true);
    expect(await quotes('chi tieu tinh gian so luong hoi nghi hang nam la bao nhieu?')).toMatch(/tinh gian 10%/i);
  });

  it('a sanction ("bị kỷ luật mức nào") needs a form of discipline, not discipline as a topic', async () => {
    expect(await answered('Cán bộ họp quá giờ quy định thì bị kỷ luật mức nào?')).toBe(false);
    expect(await answered('Cán bộ phát biểu quá giờ ở hội nghị bị kỷ luật thế nào theo Kế hoạch 22 của Điện Biên?')).toBe(false);
    expect(await quotes('nguyen tac xu ly vi pham trong phong chong tham nhung la gi')).toMatch(/không có vùng cấm/i);
    expect(demandsOf(analyzeQuery('thông tin bị phát tán trên mạng thì ai xử lý')).sanction).toBe(false);
  });

  it('a rate per month needs a month; a rate per year is every plan\'s default', async () => {
    expect(await answered('kh 22 dien bien quy dinh chi bo hop may lan 1 thang')).toBe(false);
    expect(await quotes('xã được họp mấy lần 1 năm')).toMatch(/03 h.i ngh/i);
    expect(demandsOf(analyzeQuery('Mỗi quy định mới phải tuyên truyền thế nào?')).period).toBeUndefined();
  });

  it('a level ("cấp huyện") is not answered by a quote naming only other levels', async () => {
    expect(await answered('Cấp huyện ở Điện Biên được tổ chức tối đa bao nhiêu hội nghị toàn huyện mỗi năm?')).toBe(false);
    expect(await quotes('Cấp xã được tổ chức tối đa mấy hội nghị quy mô toàn xã mỗi năm?')).toMatch(/03 h.i ngh/i);
    expect(demandsOf(analyzeQuery('Vận động toàn xã hội tham gia thế nào?')).levels).toEqual([]);
    // The level as the subject ("huyện được họp …"), not a name ("Huyện Tam Đường …"); a ward is of the commune level.
    expect(await answered('huyện được họp mấy lần 1 năm')).toBe(false);
    expect(demandsOf(analyzeQuery('Huyện Tam Đường dùng những phương tiện cổ động trực quan nào?')).levels).toEqual([]);
    expect(await answered('cấp phường được họp toàn phường mấy lần một năm')).toBe(true);
  });

  it('a prize rank ("giải A") must be awarded in the quote', async () => {
    expect(await answered('Giải Búa liềm vàng năm 2023 trao giải A cho tác phẩm nào?')).toBe(false);
    expect(await answered('Trung tâm Văn hóa, Thể thao và Truyền thông huyện phải làm gì với Giải Búa liềm vàng?')).toBe(true);
  });

  it('"How many party members" is answered by a count of them, not by any number', async () => {
    expect(await answered('How many party members does Tam Duong district have?')).toBe(false);
    expect(await quotes('How many province-wide conferences may Dien Bien province hold each year?')).toMatch(/02 h.i ngh/i);
  });

  it('the date of a document a sentence cites is no deadline, unless that document is the one asked about', async () => {
    expect(await answered('Kế hoạch 121 của Sơn La yêu cầu báo cáo kết quả tuyên truyền trước ngày nào?')).toBe(false);
    expect(await answered('Quy định 22-QĐ/TW về công tác kiểm tra, giám sát và kỷ luật của Đảng có từ ngày nào?')).toBe(true);
  });
});

describe('channels and forms a question asks for ("qua những kênh nào", "bằng hình thức nào")', () => {
  it('"qua / trên / bằng (những) … nào", "kênh nào", "cách nào" only shape the question: they are no content words', () => {
    const terms = (q: string) => analyzeQuery(q).content.map((t) => t.term);
    expect(terms('Kế hoạch 67 tuyên truyền qua những ấn phẩm và kênh nào?')).not.toContain('kenh');
    expect(terms('Kế hoạch 67 tuyên truyền qua những ấn phẩm và kênh nào?')).not.toContain('qua');
    expect(terms('tuyen truyen ke hoach 22 bang nhung hinh thuc nao')).not.toContain('bang');
    expect(terms('Mặt trận Tổ quốc tỉnh Sơn La tuyên truyền bằng cách nào?')).not.toContain('cach');
    // Elsewhere they are words of the text: "cách làm", "kết quả", "trên địa bàn".
    expect(terms('Tuyên truyền cách làm sáng tạo nào?')).toContain('cach');
    expect(terms('Kết quả Hội nghị Trung ương 2 được tuyên truyền ra sao?')).toContain('qua');
  });

  it('the sentence stating the means answers ("Hình thức … cần đa dạng thông qua …"), for the guidance spreading the plan too', async () => {
    for (const question of ['tuyen truyen ke hoach 22 bang nhung hinh thuc nao', 'hinh thuc tuyen truyen kh 22 co podcast ko', 'What formats does the Dien Bien guidance suggest for spreading Plan 22?']) {
      const reply = await ask(question);
      expect(reply.citations[0]!.quote, question).toMatch(/podcast, video ngắn/);
    }
    // A follow-up: "Bằng những hình thức nào?" after the peak time of spreading Plan 22.
    const followUp = await runtime.assistant.ask({
      question: 'Bằng những hình thức nào?',
      history: [
        { role: 'user', content: 'Cao điểm tuyên truyền Kế hoạch 22-KH/TU vào thời gian nào?' },
        { role: 'assistant', content: 'Việc tuyên truyền được thực hiện cao điểm trong quý I/2026.' },
      ],
    });
    expect(followUp.citations[0]!.quote).toMatch(/tờ rơi, podcast/);
  });

  it('"qua kênh nào" is answered although no text writes "kênh"; the body asked about keeps its own section', async () => {
    const tamDuong = await ask('Mặt trận và các đoàn thể huyện Tam Đường nên tuyên truyền chủ yếu qua kênh nào?');
    expect(tamDuong.answered).toBe(true);
    expect(tamDuong.citations[0]!.quote).toMatch(/sinh hoạt thường kỳ của tổ chức chính trị/);
    const ward = await ask('Kế hoạch 67 tuyên truyền qua những ấn phẩm và kênh nào?');
    expect(ward.citations.map((c) => c.quote).join('\n')).toMatch(/bản tin thông báo nội bộ/);
  });

  it('a question naming no kind of channel is answered by the items of the section headed "HÌNH THỨC …"', async () => {
    const reply = await ask('Kết quả Hội nghị Trung ương 2 được tuyên truyền trên những kênh nào ở phường?');
    expect(reply.answer).toMatch(/HÌNH THỨC TUYÊN TRUYỀN/);
    expect(reply.citations.map((c) => c.quote).join('\n')).toMatch(/bản tin thông báo nội bộ/);
    // "qua những hội nghị nào" names the kind: the sentence naming those conferences answers.
    const meetings = await ask('Kế hoạch 67 tổ chức quán triệt kết quả Hội nghị Trung ương 2 qua những hội nghị nào?');
    expect(meetings.citations[0]!.quote).toMatch(/thông qua Hội nghị toàn quốc/);
  });

  it('the recipients list ("Nơi nhận") answers no question but who receives the document', async () => {
    const reply = await ask('Mặt trận Tổ quốc và các đoàn thể tỉnh Sơn La tuyên truyền bằng cách nào?');
    expect(reply.citations.every((c) => c.sectionTitle !== 'Nơi nhận')).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/sinh hoot thuong .*cuc thi tim hieu/);
  });
});

describe('long sentences quoted whole', () => {
  it('quotes a sentence a little over the quote budget whole, not the clause around a repeated document number', async () => {
    // One 443-character sentence names Kế hoạch 22 twice: the duty ("báo cáo tình hình dư luận xã hội") is in its
    // first half, the report to "Thường trực Tỉnh ủy" in its second; both questions get the whole sentence.
    const duty = await ask('Đội ngũ cộng tác viên dư luận cấp tỉnh được giao việc gì khi tuyên truyền KH 22?');
    const quote = duty.citations[0]!.quote;
    expect(quote).toMatch(/^Chỉ đạo, định hướng Ban Tuyên giáo/);
    expect(quote).toContain('báo cáo tình hình dư luận xã hội');
    expect(quote).toContain('báo cáo Thường trực Tỉnh ủy');
    expect(verbatim(duty.citations[0]!.source, quote)).toBe(true);
    const whom = await ask('Ban Tuyên giáo và Dân vận Tỉnh ủy báo cáo tình hình tuyên truyền Kế hoạch 22 cho ai?');
    expect(whom.citations.map((c) => c.quote).join('\n')).toContain('Thường trực Tỉnh ủy');
  });

  it('keeps the clause that answers in a 600-character sentence of ";"-separated clauses', async () => {
    const reply = await ask('Trong mô hình chính quyền địa phương 2 cấp, cấp tỉnh và cấp xã mỗi cấp phải mạnh về mặt nào?');
    const quotes = reply.citations.map((c) => c.quote).join('\n');
    expect(quotes).toContain('cấp xã mạnh về thực thi');
    for (const c of reply.citations) expect(verbatim(c.source, c.quote)).toBe(true);
  });
});

describe('places and percentages', () => {
  it('"bao nhiêu %" asks for a percentage: the words after the sign are the whole, not a unit to count', async () => {
    const reply = await ask('hoi nghi truc tiep dc chiem toi da bao nhieu % tong so hoi nghi vay');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/40%/);
  });

  it('a province the question names must be the one the answer speaks for: another province\'s rule is refused', async () => {
    expect(namedProvinces('Lai Châu quy định họp trực tuyến phải chiếm bao nhiêu %?')).toEqual(['lai chau']);
    // Accentless, only after a word marking a place: "hoa binh" may be "hòa bình" (peace).
    expect(namedProvinces('ke hoach cua tinh uy lai chau')).toEqual(['lai chau']);
    expect(namedProvinces('giữ gìn hòa bình, bao ve hoa binh')).toEqual([]);
    const elsewhere = await ask('Lai Châu quy định họp trực tuyến phải chiếm bao nhiêu %?');
    expect(elsewhere.answered).toBe(false);
    const here = await ask('Điện Biên quy định họp trực tuyến phải chiếm bao nhiêu %?');
    expect(here.citations[0]!.quote).toMatch(/60%/);
  });
});

describe('what counts as a count', () => {
  it('an item number opening a clause ("…; (8) vai trò …") counts nothing: "có bao nhiêu đảng viên" is refused', async () => {
    expect((await ask('tam duong co bn dang vien')).answered).toBe(false);
  });

  it('a count is answered by a share of the thing ("15% số lượng") or by a number spelled out before it ("bốn nguyên tắc")', async () => {
    const share = await ask('Mỗi năm phải cắt giảm bao nhiêu văn bản hành chính?');
    expect(share.citations[0]!.quote).toMatch(/15%/);
    const spelled = await ask('tăng trưởng 2 con số dựa trên mấy nguyên tắc cốt lõi?');
    expect(spelled.citations.map((c) => c.quote).join('\n')).toMatch(/bốn nguyên tắc cốt lõi/);
    const english = await ask('How many core principles guide the double-digit growth target?');
    expect(english.citations.map((c) => c.quote).join('\n')).toMatch(/bốn nguyên tắc cốt lõi/);
  });
});

describe('what a document does', () => {
  it('"Kế hoạch 22 yêu cầu / quy định …": the verb after the document\'s name is not asked of the answer', async () => {
    const terms = (q: string) => analyzeQuery(q).content.map((t) => t.term);
    expect(terms('Kế hoạch 22 yêu cầu tập huấn kỹ năng gì cho cán bộ?')).not.toContain('yeu');
    expect(terms('Kế hoạch số 22-KH/TU quy định gì về hội nghị?')).not.toContain('quy');
    // "Yêu cầu của Kế hoạch 22" names its section of requirements.
    expect(terms('Yêu cầu của Kế hoạch 22 là gì?')).toContain('yeu');
    const reply = await ask('Kế hoạch 22 yêu cầu tập huấn kỹ năng gì cho cán bộ?');
    expect(fold(reply.citations[0]!.quote)).toContain('tri tue nhan tao');
  });
});

describe('who is asked as an object', () => {
  it('"bầu bổ sung ai vào …": the act is the verb before "ai", not the preposition after it', async () => {
    const reply = await ask('trung uong bau bo sung ai vao uy ban kiem tra trung uong khoa 14');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toContain('Nghiêm Xuân Thành');
  });
});

describe('a cited document asked by its number', () => {
  it('"… theo Hướng dẫn số mấy của …": a sentence citing a guidance ("108-HD/BTGTW") answers; "số mấy" counts nothing', async () => {
    const reply = await ask('ke hoach 121 son la thuc hien theo huong dan so may cua ban tuyen giao trung uong');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toMatch(/108- ?HD\/BTGTW/);
  });
});

describe("a document's own number", () => {
  it('"Hướng dẫn của Tam Đường số mấy" asks its own number: refused when it has none, not answered by a sentence', async () => {
    expect(metadataKind('Hướng dẫn của Tam Đường số mấy?')).toBe('number');
    // "đề ngày nào": the date the document bears.
    expect(metadataKind('Hướng dẫn tuyên truyền Kế hoạch 22 đề ngày nào?')).toBe('date');
    expect(metadataKind('huong dan cua ban tuyen giao huyen uy tam duong so bao nhieu')).toBe('number');
    // A cited document's number, or a count, is something else.
    expect(metadataKind('ke hoach 121 son la thuc hien theo huong dan so may')).toBeUndefined();
    expect(metadataKind('Kế hoạch 22 số hội nghị giảm bao nhiêu')).toBeUndefined();
    expect((await ask('huong dan cua ban tuyen giao huyen uy tam duong so bao nhieu')).answered).toBe(false);
    expect((await ask('Kế hoạch của Ban Tuyên giáo Tỉnh ủy Sơn La số mấy?')).citations[0]!.quote).toContain('121-KH/BTGTU');
  });
});

describe('the sentence that states the number asked', () => {
  it('the first close sentence stating a period answers on relaxed coverage, and a second quote must state one too', async () => {
    const reply = await ask('Định kỳ bao lâu phải báo cáo kết quả thực hiện Kết luận 226 về Ban Thường vụ Tỉnh ủy, gửi qua đâu?');
    expect(fold(reply.citations[0]!.quote)).toContain('hang quy, 06 thing');
    expect(reply.citations).toHaveLength(1);
  });
});

describe('a place asked', () => {
  it('"thuộc tỉnh nào": a close sentence naming a province answers, not one that says "trực thuộc"', async () => {
    const reply = await ask('Huyện Tam Đường thuộc tỉnh nào?');
    expect(reply.answered).toBe(true);
    expect(reply.citations[0]!.quote).toContain('Tỉnh ủy Lai Châu');
    expect(reply.citations.every((c) => /Tỉnh ủy Lai Châu/.test(c.quote))).toBe(true);
  });
});

describe('a list after the thing named', () => {
  it('"còn cổ động trực quan thì gồm những gì": the sentence listing after the thing ("…: khẩu hiệu, băng rôn") answers', async () => {
    const reply = await runtime.assistant.ask({
      question: 'con co dong truc quan thi gom nhung gi',
      history: [{ role: 'user', content: 'Huyện Tam Đường tuyên truyền xây dựng Đảng qua những hình thức nào?' }],
    });
    expect(reply.citations[0]!.quote).toMatch(/^Các phương tiện cổ động trực quan: khẩu hiệu, băng rôn/);
  });
});

describe('prohibitions', () => {
  it('"cấm / bị cấm" asks what is forbidden, which the text states as "Không …"; "vùng cấm" stays a topic word', () => {
    const content = (q: string) => analyzeQuery(q).content.map((t) => t.term);
    expect(content('Kế hoạch 22 cấm những việc gì khi ban hành văn bản?')).not.toContain('cam');
    expect(content('những việc gì bị cấm')).not.toContain('cam');
    expect(content('xử lý vi phạm tham nhũng có vùng cấm ko')).toContain('cam');
    // Without accents "cam" is "cấm" only as a verb asked about ("co cam …", "cam nhung gi"), not "cam kết".
    expect(content('kh22 cam nhung gi khi ban hanh van ban')).not.toContain('cam');
    expect(content('ke hoach 22 co cam ban hanh van ban sao chep khong')).not.toContain('cam');
    expect(content('cac don vi co cam ket thuc hien khong')).toContain('cam');
  });

  it('answers "cấm những việc gì" with the run of sentences that forbid, not a sentence about the same topic', async () => {
    const reply = await ask('Khi ban hành văn bản, Kế hoạch 22-KH/TU cấm những việc gì?');
    expect(reply.answered).toBe(true);
    const quote = fold(reply.citations[0]!.quote);
    expect(quote).toContain('sao chep');
    expect(quote).toContain('cong tic can b');
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
    // A near tie that forbids nothing ("Ban hành hướng dẫn …") is not quoted beside it.
    expect(reply.citations.every((c) => /\bkh[oe]n?g\b/i.test(fold(c.quote)))).toBe(true);
  });

  it('"không được làm gì" is answered by a sentence that forbids, not by a regulation\'s title ("… những điều đảng viên không được làm")', async () => {
    const reply = await ask('Khi tổ chức hội nghị thì không được làm gì?');
    expect(reply.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(fold(reply.citations[0]!.quote)).toMatch(/(^|[:;]\s*)khong (moi|t6|to)\b/i);
  });

  it('"không cho phép làm gì" asks what is forbidden: neither "cho phép" nor "làm" is what the answer writes', async () => {
    const content = analyzeQuery('Kế hoạch 22 không cho phép làm gì khi tổ chức hội nghị?').content.map((t) => t.term);
    expect(content).not.toContain('phep');
    expect(content).not.toContain('lam');
    // Outside a prohibition "làm" stays ("những điều đảng viên không được làm" is a regulation's title).
    expect(analyzeQuery('Quy định 37 về những điều đảng viên không được làm').content.map((t) => t.term)).toContain('lam');
    const reply = await ask('Kế hoạch 22 không cho phép làm gì khi tổ chức hội nghị?');
    expect(reply.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(fold(reply.citations[0]!.quote)).toMatch(/(^|[:;]\s*)khong (moi|t6|to)\b/i);
  });

  it('"truong hop nao" typed without accents is "trường hợp nào" (a condition), not a meeting ("họp")', async () => {
    expect(analyzeQuery('truong hop nao thi ko to chuc hoi nghi').text).not.toMatch(/hội nghị nao/);
    const reply = await ask('truong hop nao thi ko to chuc hoi nghi');
    expect(fold(reply.citations[0]!.quote)).toContain('neu khong that su');
  });

  it('"để khỏi / để tránh X": the harm a rule avoids weighs little, the text states the rule without naming it', async () => {
    const weights = new Map(analyzeQuery('Điện Biên phân công nhiệm vụ theo nguyên tắc nào để khỏi chồng chéo, đùn đẩy?').content.map((t) => [t.term, t.weight]));
    expect(weights.get('cheo')).toBeLessThan(0.5);
    expect(weights.get('nguyen')).toBe(1);
    const reply = await ask('Điện Biên phân công nhiệm vụ theo nguyên tắc nào để khỏi chồng chéo, đùn đẩy?');
    expect(reply.answered).toBe(true);
    expect(fold(reply.citations[0]!.quote)).toContain('mdt ddu mbi');
  });

  it('"… nào thì không nên tổ chức" is answered by the sentence that forbids, after a follow-up', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Những hội nghị nào thì không nên tổ chức?',
      history: [{ role: 'user', content: 'Kế hoạch 22 có nói gì về ưu tiên hình thức hội nghị không?' }],
    });
    expect(fold(reply.citations[0]!.quote)).toContain('khong that su');
  });
});

describe('duties of a named body', () => {
  it('"Ai chịu trách nhiệm <việc>": the act asked is the task after the duty phrase, not "chịu"', async () => {
    const reply = await ask('Ai chịu trách nhiệm đưa nội dung kiểm tra, giám sát việc thực hiện Kết luận 226 vào chương trình kiểm tra hằng năm của Tỉnh ủy?');
    expect(reply.answered).toBe(true);
    expect(fold(reply.citations[0]!.quote)).toMatch(/^uy ban kiem tra tinh/);
  });

  it('the body\'s own one-line section in a scan is read however low it ranks, and answers a bare duty question', async () => {
    const reply = await ask('Đảng ủy HĐND tỉnh có nhiệm vụ gì trong kế hoạch thực hiện Kết luận 226?');
    expect(reply.citations[0]!.source).toBe('dien-bien-ke-hoach-22-kh-tu.txt');
    expect(fold(reply.citations[0]!.quote)).toMatch(/hdpnd tinh tdng cudng gidm sat/);
  });

  it('a body spelled out ("Đảng ủy Ủy ban nhân dân tỉnh") heads its section as its acronym does ("Đảng ủy UBND tỉnh")', () => {
    expect(contractAcronyms(['dang', 'uy', 'uy', 'ban', 'nhan', 'dan', 'tinh'])).toEqual(['dang', 'uy', 'ubnd', 'tinh']);
    expect(leadsWith(['dang', 'uy', 'uy', 'ban', 'nhan', 'dan', 'tinh', 'dang', 'uy'], ['dang', 'uy', 'ubnd', 'tinh'], () => 1)).toBe(1);
  });

  it('of the body\'s own sections in the plan and in the guidance spreading it, the one saying the rest of the question answers', async () => {
    const spreading = await ask('Đảng ủy UBND tỉnh và Đảng ủy các cơ quan Đảng tỉnh phải làm gì trong tuyên truyền Kế hoạch 22?');
    expect(spreading.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(spreading.citations[0]!.quote).toMatch(/phối hợp chặt chẽ với/);
    const when = await ask('Đảng ủy UBND tỉnh phải làm gì khi phát hiện những vấn đề mới, khó trong triển khai Kế hoạch 22?');
    expect(when.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(when.citations[0]!.quote).toMatch(/mới, khó, nhạy cảm/);
  });

  it('"kiến nghị với cơ quan nào" is answered by the body named ("với Huyện ủy"), not by a sentence writing "cơ quan"', async () => {
    const reply = await ask('Ở Tam Đường, các chi, đảng bộ trực thuộc kiến nghị giải pháp với cơ quan nào?');
    expect(reply.citations[0]!.quote).toMatch(/kiến nghị với\s+Huyện ủy/);
  });

  it('the body follows a scope the question opens with ("Trong tuyên truyền …, Mặt trận Tổ quốc … được đề nghị …")', async () => {
    const question = 'Trong tuyên truyền xây dựng Đảng năm 2023, Mặt trận Tổ quốc và các đoàn thể được đề nghị vận động hội viên, đoàn viên tham gia những việc gì?';
    expect(dutySubject(analyzeQuery(question))).toEqual(['mat', 'tran', 'to', 'quoc']);
    const reply = await ask(question);
    expect(reply.citations[0]!.quote).toMatch(/đấu tranh phòng, chống tham nhũng/);
  });

  it('a body that the document in focus has no section for is looked for in every document (a follow-up turning to another body)', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Còn phóng viên báo chí Trung ương thường trú thì được giao gì?',
      history: [{ role: 'user', content: 'Cơ quan nào phối hợp xử lý thông tin xuyên tạc Kế hoạch 22 trên mạng?' }],
    });
    expect(reply.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(reply.citations[0]!.quote).toMatch(/Phối hợp với các cơ quan, đơn vị/);
  });
});

describe('kinds of things', () => {
  it('"kể những loại ấn phẩm nào": "loại" and "kể" shape the question; the list of publications answers', async () => {
    const terms = analyzeQuery('Kế hoạch tuyên truyền của Sơn La kể những loại ấn phẩm tuyên truyền nào?').content.map((t) => t.term);
    expect(terms).not.toContain('loai');
    expect(terms).toContain('ke'); // "kế hoạch" stays
    const reply = await ask('Kế hoạch tuyên truyền của Sơn La kể những loại ấn phẩm tuyên truyền nào?');
    expect(fold(reply.citations[0]!.quote)).toMatch(/an pham tuyen truy'?n \(ban tin/);
  });
});

describe('the signer\'s title and documents pointed back at', () => {
  it('"ký với chức danh gì" is answered by the signing block\'s title lines, even when the scan shows no name', async () => {
    expect(metadataKind('Ông ấy ký với chức vụ gì?')).toBe('signer');
    const reply = await ask('Kế hoạch 121-KH/BTGTU được ký với chức danh gì?');
    expect(reply.citations[0]!.quote).toMatch(/^K\/T TRUING BAN\nPHO TRU/);
    expect(verbatim(reply.citations[0]!.source, reply.citations[0]!.quote)).toBe(true);
  });

  it('"Văn bản đó ban hành ngày nào?" is about the document the last question was about (its first type named)', async () => {
    const reply = await runtime.assistant.ask({
      question: 'Văn bản đó ban hành ngày nào?',
      history: [{ role: 'user', content: 'Hướng dẫn tuyên truyền Kế hoạch 22-KH/TU do cơ quan nào ban hành?' }],
    });
    expect(reply.citations[0]!.source).toBe('dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt');
    expect(reply.citations[0]!.quote).toContain('ngày 21 tháng 01 năm 2026');
  });
});
