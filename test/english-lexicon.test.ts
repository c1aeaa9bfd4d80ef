/**
 * English questions read through the administrative glossary (src/text/glossary.json): place names written
 * without diacritics, words the glossary lacks, English question shapes carrying the same question kinds as
 * the Vietnamese ones, and, end to end, an invented commune plan asked about in English.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import { buildQuestion } from '../src/question/question.js';
import { KIND_SPECS } from '../src/question/registry.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { fold } from '../src/text/fold.js';
import glossary from '../src/text/glossary.json' with { type: 'json' };
import { englishQuestionWords, looksEnglish, readEnglish } from '../src/text/glossary.js';
import type { AskResponse } from '../src/types.js';

const kindsOf = (question: string) => buildQuestion(analyzeQuery(question)).kinds.map((k) => k.name);

describe('the glossary as data', () => {
  it('holds several hundred lowercase entries, each with a Vietnamese wording', () => {
    const entries = [...Object.entries(glossary.phrases), ...Object.entries(glossary.words)];
    expect(entries.length).toBeGreaterThan(1500);
    for (const [english, vi] of entries) {
      expect(english).toBe(english.toLowerCase());
      // An empty first alternative demands nothing of the answer; only a word that says nothing ("by") has no wording.
      expect(vi === '' || vi.split('|').some((a) => a.trim().length > 0), english).toBe(true);
    }
  });

  it('has question forms that compile and whose Vietnamese words the kinds registry reads', () => {
    const groups = new Set(glossary.questionForms.map((f) => f.group));
    expect([...groups].sort()).toEqual(['actor', 'amount', 'judge', 'list', 'metadata', 'place', 'procedure', 'purpose', 'time']);
    for (const form of glossary.questionForms) expect(() => new RegExp(form.en)).not.toThrow();
    expect(KIND_SPECS.length).toBeGreaterThan(10);
  });
});

describe('reading an English question', () => {
  it('keeps Vietnamese place names written without diacritics, and only those', () => {
    const reading = readEnglish('How many wells did Phu Thuong commune dig for the Party Committee of Na Hang district?');
    expect(reading.names).toEqual(['phu thuong', 'na hang']);
    // "Party Committee" is English (no Vietnamese syllable shape): translated, not kept as a name.
    expect(reading.primary).toContain('đảng ủy');
    // A question's first word is capitalised as a sentence start: "Can" is no part of the name.
    expect(readEnglish('Can Phu Thuong commune burn fields?').names).toEqual(['phu thuong']);
  });

  it('tells words the glossary lacks from names and question words', () => {
    const reading = readEnglish('Which body approves the kiosk permits in Phu Thuong for Lakeview?');
    expect(reading.untranslated).toEqual(['kiosk']);
    const alternatives = reading.concepts.map((c) => c.alternatives[0]);
    // "which body" asks; it names nothing.
    expect(alternatives).not.toContain('cơ quan nào');
    expect(reading.concepts.find((c) => c.alternatives[0] === 'lakeview')).toMatchObject({ name: true });
    expect(reading.concepts.find((c) => c.alternatives[0] === 'kiosk')).toMatchObject({ untranslated: true });
  });

  it('translates general administrative vocabulary: bodies, procedures, money, time, units', () => {
    const primary = (q: string) => readEnglish(q).primary;
    expect(primary('the commune health station')).toContain('trạm y tế xã');
    expect(primary('the department of natural resources and environment')).toContain('sở tài nguyên và môi trường');
    expect(primary('submit the dossier within 5 working days')).toMatch(/^(?=.*ngày làm việc)(?=.*hồ sơ)(?=.*(gửi|trình))/);
    expect(primary('total budget in million dong')).toMatch(/kinh phí.*triệu đồng|triệu đồng.*kinh phí/);
    expect(primary('hectares of rice')).toMatch(/ha.*lúa/);
    expect(primary('the steering committee for natural disasters')).toMatch(/ban chỉ đạo.*thiên tai/);
  });

  it('translates everyday words of plans and rules: farming, health, lending, limits, people', () => {
    const primary = (q: string) => readEnglish(q).primary;
    expect(primary('irrigate the farmland')).toMatch(/tưới.*đất nông nghiệp/);
    expect(primary('a ban on vaping')).toMatch(/cấm.*thuốc lá điện tử/);
    expect(primary('the largest amount for one borrower')).toMatch(/lớn nhất.*người vay/);
    expect(primary('solar lamps for kids')).toMatch(/năng lượng mặt trời.*đèn.*trẻ em|đèn.*năng lượng mặt trời.*trẻ em/);
  });

  it('maps English question shapes to the Vietnamese question words that ask the same', () => {
    expect(englishQuestionWords('How many wells did the commune dig?').amount).toBe('bao nhiêu giếng');
    // "regular meetings": the head noun is the last English word, the first Vietnamese one.
    expect(englishQuestionWords('How many regular meetings will the board hold?').amount).toBe('bao nhiêu hội nghị');
    // Meetings a year is a frequency, as "mấy lần một năm" is.
    expect(englishQuestionWords('How many regular meetings does the board hold a year?').amount).toBe('bao nhiêu lần');
    // A head the glossary does not know asks a number, with no unit to demand.
    expect(englishQuestionWords('How many kiosks are there?').amount).toBe('bao nhiêu số lượng');
    expect(englishQuestionWords('By what date must villages report?').leading).toContain('trước ngày nào');
    expect(englishQuestionWords('Is it allowed to burn fields in the dry season?').closing).toBe('có được không');
    expect(englishQuestionWords('What share of households sign the commitment?').amount).toBe('tỷ lệ bao nhiêu phần trăm');
  });

  it('gives an English question the kinds its Vietnamese version has', () => {
    const pairs: Array<[string, string, string]> = [
      ['count', 'How many fire-fighting teams does the commune set up?', 'Xã thành lập bao nhiêu tổ chữa cháy?'],
      ['money', 'How much funding is set aside for the fire patrols?', 'Kinh phí tuần tra chữa cháy là bao nhiêu?'],
      ['percentage', 'What share of households must sign the commitment?', 'Tỷ lệ hộ ký cam kết phải đạt bao nhiêu phần trăm?'],
      ['deadline', 'By what date must villages send their reports?', 'Các thôn gửi báo cáo trước ngày nào?'],
      ['responsible-body', 'Which agency leads the forest patrols?', 'Cơ quan nào chủ trì tuần tra rừng?'],
      ['person', 'Who signed the plan?', 'Ai ký kế hoạch?'],
      ['frequency', 'How often does the steering committee meet?', 'Ban chỉ đạo họp bao lâu một lần?'],
      ['duration', 'How long does the campaign last?', 'Đợt cao điểm kéo dài bao lâu?'],
      ['purpose', 'Why does the commune hold the drill?', 'Xã tổ chức diễn tập nhằm mục đích gì?'],
      ['permission', 'Can households burn fields in the dry season?', 'Hộ dân có được đốt nương trong mùa khô không?'],
      ['prohibition', 'What is prohibited during the dry season?', 'Trong mùa khô nghiêm cấm những gì?'],
      ['place', 'Where is the drill held?', 'Diễn tập tổ chức ở đâu?'],
    ];
    for (const [kind, english, vietnamese] of pairs) {
      expect(looksEnglish(english), english).toBe(true);
      expect(kindsOf(vietnamese), vietnamese).toContain(kind);
      expect(kindsOf(english), english).toContain(kind);
    }
    // An English yes/no question that asks no permission carries none.
    expect(kindsOf('Does the plan mention the school?')).not.toContain('permission');
  });
});

const PLAN = `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ THƯỢNG                     Độc lập - Tự do - Hạnh phúc
Số: 11/KH-UBND                 Phú Thượng, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo năm 2026 trên địa bàn xã Phú Thượng

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm người nghèo có nhà ở an toàn, ổn định, góp phần giảm nghèo bền vững.
Phấn đấu 90% hộ nghèo có nhà ở kiên cố trước ngày 31/12/2026.

II. NỘI DUNG
1. Xã hỗ trợ xây mới 24 nhà và sửa chữa 16 nhà cho hộ nghèo, hộ cận nghèo.
2. Nghiêm cấm chuyển nhượng, cho thuê nhà được hỗ trợ trong thời hạn 05 năm.
3. Ban Chỉ đạo họp định kỳ mỗi tháng một lần vào ngày 25.

III. KINH PHÍ
Kinh phí thực hiện kế hoạch là 1.600 triệu đồng từ ngân sách huyện và nguồn xã hội hóa.

IV. TỔ CHỨC THỰC HIỆN
1. Công chức Địa chính - Xây dựng chủ trì, hướng dẫn các hộ xây nhà theo thiết kế mẫu.
2. Trưởng các thôn lập danh sách hộ được hỗ trợ, gửi Ủy ban nhân dân xã trước ngày 28/02/2026.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- UBND huyện (b/c);                                  CHỦ TỊCH
- Các thôn;                                          (Đã ký)
- Lưu: VT.                                      Lò Văn Khánh
`;

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-english-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'xa-phu-thuong-ke-hoach-11-xoa-nha-tam-2026.txt'), PLAN);
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string): Promise<AskResponse> => runtime.assistant.ask({ question });
const quotes = (r: AskResponse) => fold(r.citations.map((c) => c.quote).join('\n'));

describe('English questions about an invented commune plan', () => {
  it('answers an amount of money with the Vietnamese quote', async () => {
    const r = await ask('How much funding does Phu Thuong commune set aside for the plan?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('1.600 trieu dong');
  });

  it('answers a share with its "%"', async () => {
    const r = await ask('What share of poor households should have solid housing by the end of 2026?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('90%');
  });

  it('answers a count with the number of what is counted', async () => {
    const r = await ask('How many new houses will Phu Thuong commune help build?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('24 nha');
  });

  it('answers a deadline with the date', async () => {
    const r = await ask('By what date must village heads send the list of supported households to the commune?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('28/02/2026');
  });

  it('answers which official leads a task', async () => {
    const r = await ask('Which official leads the guidance on house designs in Phu Thuong?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('chu tri');
  });

  it('answers whether something is allowed with the clause that forbids it', async () => {
    const r = await ask('Are households allowed to rent out the supported houses?');
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('nghiem cam chuyen nhuong');
  });

  it('refuses a count of something the plan never counts', async () => {
    const r = await ask('How many schools does Phu Thuong commune have?');
    expect(r.answered).toBe(false);
  });

  it('refuses a question about something the corpus never writes', async () => {
    const r = await ask('Which seafood restaurant in Phu Thuong do tourists like best?');
    expect(r.answered).toBe(false);
  });
});
