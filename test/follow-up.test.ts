/**
 * Follow-up questions: what a follow-up goes on from, which of its words are conversational glue, and, end to
 * end over two documents written for this test (a commune's contest plan and a district's support guidance),
 * that an elliptical follow-up lands on its own clause.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime, type NodeRuntime } from '../src/node.js';
import { conversationalWords, isFollowUp, previousTurn, repeatsAnswer, resolvePerson } from '../src/question/follow-up.js';
import { expandShorthand } from '../src/text/shorthand.js';
import { kindNamed } from '../src/question/registry.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import type { AskResponse, HistoryTurn } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'follow-up');
const CONTEST = 'dang-uy-xa-ta-lang-ke-hoach-19-hoi-thi-tuyen-truyen-vien-2027.txt';
const SUPPORT = 'huyen-muong-khanh-huong-dan-07-ho-tro-sua-nha-ho-can-ngheo.txt';
const OTHERS = ['xa-phin-ho-ke-hoach-37-nuoc-sach-2027.txt', 'xa-suoi-lam-quy-che-nha-van-hoa-2027.txt'];

const turn = (question: string, answer?: string): HistoryTurn[] => [{ role: 'user', content: question }, ...(answer ? [{ role: 'assistant' as const, content: answer }] : [])];
/** A follow-up's glue words, sorted. */
const glue = (text: string) => [...conversationalWords(text, expandShorthand).glue].sort();

describe('the turn a follow-up goes on from', () => {
  it('is the last question and what its answer said: the quotes of a quoting answer, a refusal saying nothing', () => {
    const quoted = previousTurn([...turn('Giải Nhất trị giá bao nhiêu?', 'Theo Kế hoạch số 19-KH/ĐU (mục IV – Giải thưởng):\n“Ban Tổ chức trao 01 giải Nhất trị giá 2.000.000 đồng.” [1]')]);
    expect(quoted).toEqual({ question: 'Giải Nhất trị giá bao nhiêu?', answer: 'Ban Tổ chức trao 01 giải Nhất trị giá 2.000.000 đồng.' });
    expect(previousTurn(turn('Ai ra đề thi?', 'Ban Tuyên giáo ra đề thi viết.'))?.answer).toBe('Ban Tuyên giáo ra đề thi viết.');
    expect(previousTurn(turn('Giá vé xe là bao nhiêu?', 'Xin lỗi, các văn bản hiện có không nêu rõ nội dung này.'))?.answer).toBeUndefined();
    expect(previousTurn([])).toBeUndefined();
  });

  it('is gone on from by a short or pointing question, not by a new question naming its document', () => {
    const history = turn('Hội thi tổ chức ngày nào?', 'Ngày 20/5/2027.');
    expect(isFollowUp('Thi gồm những phần gì?', history)).toBe(true);
    expect(isFollowUp('Lập danh sách xong thì nộp về đâu, trước ngày nào?', history)).toBe(true);
    expect(isFollowUp('Kế hoạch 19-KH/ĐU của Đảng ủy xã Tà Làng giao Văn phòng Đảng ủy những nhiệm vụ gì?', history)).toBe(false);
    expect(isFollowUp('Thi gồm những phần gì?', undefined)).toBe(false);
  });
});

describe('conversational glue', () => {
  it('leaves out a generic head pointing back, a pronoun and a filler, but keeps a named thing pointed at', () => {
    expect(glue('Ai tham mưu phân bổ khoản đó?')).toEqual(['do', 'khoan']);
    expect(glue('Ở hai nơi đó phải làm gì?')).toEqual(['do', 'hai', 'noi']);
    expect(glue('Vậy họ được trả bao nhiêu?')).toEqual(['ho', 'vay']);
    // "kinh phí đó": the thing pointed at is named, and the answer's sentence names it too.
    expect(glue('Có được dùng kinh phí đó để liên hoan không?')).toEqual([]);
    // "hộ" (household) is no "họ" (they).
    expect(glue('Hộ khuyết tật được thêm bao nhiêu?')).toEqual([]);
  });

  it('reads a question typed without diacritics on its folded words', () => {
    expect(glue('ai phan bo khoan do')).toEqual(['do', 'khoan']);
  });

  it('takes a step stated as done ("… xong rồi thì") as given, unless the rest asks about it again', () => {
    const read = conversationalWords('Lập hồ sơ xong rồi thì nộp ở đâu?', expandShorthand);
    expect([...read.given].sort()).toEqual(['ho', 'lap', 'so']);
    // "xong" is chat for "hoàn thành" (a deadline's word): as the mark of a step done, neither is asked.
    expect([...read.glue]).toEqual(expect.arrayContaining(['xong', 'roi', 'thi', 'hoan', 'thanh']));
    expect(read.pointsBack).toBe(true);
    expect(conversationalWords('Hồ sơ nộp ở đâu?').given.size).toBe(0);
  });

  it('leaves the glue out of what the answer should say, and weighs the last question as the topic when the follow-up names none', () => {
    const analysis = analyzeQuery('Ai tham mưu phân bổ khoản đó?', turn('Huyện trích bao nhiêu tiền mua hóa chất?', 'Huyện trích 500 triệu đồng.'));
    const terms = new Map(analysis.content.map((t) => [t.term, t.weight]));
    expect(terms.has('khoan')).toBe(false);
    expect(terms.get('phan')).toBe(1);
    expect(terms.get('hoa')).toBeLessThan(1);
    expect(analysis.inherited?.has('hoa')).toBe(true);
    // No topic of its own: the last question's topic is what the answer is about, its kind words ("bao nhiêu tiền") are not.
    const alone = analyzeQuery('Ai chịu trách nhiệm việc này?', turn('Số hóa sổ hộ tịch từ năm nào đến năm nào?', 'Từ năm 2000 đến năm 2015.'));
    const weights = new Map(alone.content.map((t) => [t.term, t.weight]));
    expect(weights.get('tich')).toBeGreaterThan(terms.get('hoa')!);
    expect(weights.has('viec')).toBe(false);
    expect(alone.previousAnswer).toBe('Từ năm 2000 đến năm 2015.');
  });

  it('reads a two-word question in a Vietnamese conversation as Vietnamese', () => {
    expect(analyzeQuery('Ai thu?', turn('Tiền dịch vụ thu khi nào?', 'Thu theo quý.')).english).toBe(false);
    expect(analyzeQuery('And Regulation 99?', turn('What does Regulation 85 say about rotation?')).english).toBe(true);
  });
});

describe('what a follow-up points at', () => {
  it('asks about the one person the last turn named, by name', () => {
    const previous = { question: 'Ai ký hướng dẫn?', answer: 'Hướng dẫn do bà Hà Thị Lan, Phó Chủ tịch, ký.' };
    expect(resolvePerson('Bà ấy phụ trách lĩnh vực gì?', previous)).toBe('Hà Thị Lan phụ trách lĩnh vực gì?');
    expect(resolvePerson('Bà ấy phụ trách lĩnh vực gì?', { question: 'Ai ký?', answer: 'Ông Lò Văn Khiêm và bà Hà Thị Lan.' })).toBe('Bà ấy phụ trách lĩnh vực gì?');
  });

  it('tells a quote that only repeats the evidence the last answer showed from one that shows new evidence', () => {
    const duration = kindNamed('duration')!.evidence;
    const said = 'Biên bản gửi xã trong 03 ngày làm việc.';
    expect(repeatsAnswer(duration, said, 'Biên bản họp gửi Ủy ban nhân dân xã trong 3 ngày làm việc.')).toBe(true);
    expect(repeatsAnswer(duration, said, 'Phòng thẩm định, trình phê duyệt trong 07 ngày làm việc.')).toBe(false);
    // A number the patterns do not read as evidence (a scan's "10 phit") may be what is asked: no repeat.
    expect(repeatsAnswer(kindNamed('duration')!.evidence, 'Không quá 50 phút.', 'Kết luận không quá 50 phút; tham luận không quá 10 phit.')).toBe(false);
    // Nothing shown for the kind: no repeat to speak of.
    expect(repeatsAnswer(duration, said, 'Phòng thẩm định hồ sơ.')).toBe(false);
  });
});

let runtime: NodeRuntime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-follow-up-'));
  mkdirSync(join(dir, 'docs'));
  for (const name of [CONTEST, SUPPORT]) cpSync(join(FIXTURES, name), join(dir, 'docs', name));
  // Two more documents of other communes, so the words of these two are not the whole corpus's.
  for (const name of OTHERS) cpSync(join(import.meta.dirname, 'fixtures', name), join(dir, 'docs', name));
  runtime = await createNodeRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { onProgress: () => {} });
}, 120_000);

const ask = (question: string, history: HistoryTurn[]): Promise<AskResponse> => runtime.assistant.ask({ question, history });
const quotes = (r: AskResponse) => r.citations.map((c) => c.quote).join('\n');

describe('a follow-up lands on its own clause', () => {
  it('asks where and by when, after a step stated as done', async () => {
    const r = await ask('Lập danh sách xong thì gửi về đâu, trước ngày nào?', turn('Mỗi chi bộ thôn ở Tà Làng cử mấy người dự hội thi tuyên truyền viên?', 'Mỗi chi bộ thôn cử 01 tuyên truyền viên.'));
    expect(r.citations[0]?.source).toBe(CONTEST);
    expect(quotes(r)).toContain('Văn phòng Đảng ủy xã trước ngày 30/4/2027');
  });

  it('asks what is done if something is not done: the case the text states, though it never writes the asking words', async () => {
    const r = await ask('Nếu hộ nhận tiền mà không sửa nhà thì xử lý thế nào?', turn('Mức hỗ trợ sửa nhà cho hộ cận nghèo ở Mường Khánh là bao nhiêu?', '25 triệu đồng mỗi hộ.'));
    expect(r.answered).toBe(true);
    expect(quotes(r)).toContain('phải hoàn trả toàn bộ số tiền đã nhận');
  });

  it('asks about those the last answer named, by a pronoun', async () => {
    const r = await ask('Họ hỗ trợ bằng gì?', turn('Hộ cận nghèo không tự sửa được nhà thì ai giúp?', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động đoàn viên thanh niên, dân quân.'));
    expect(quotes(r)).toContain('hỗ trợ ngày công');
  });

  it('goes past what the last answer quoted, to the next step\'s time', async () => {
    const answer = 'Theo Hướng dẫn số 07/HD-UBND, Ủy ban nhân dân huyện Mường Khánh, 02/04/2027 (mục II.3):\n“Hồ sơ nộp về Phòng Lao động - Thương binh và Xã hội huyện trong thời hạn 10 ngày làm việc kể từ ngày có biên bản họp thôn.” [1]';
    const r = await ask('Phòng đó xem xét trình huyện trong bao lâu?', turn('Hồ sơ hỗ trợ sửa nhà phải nộp về Phòng Lao động - Thương binh và Xã hội trong bao lâu?', answer));
    expect(r.citations[0]?.quote).toContain('07 ngày làm việc');
  });

  it('asks who answers for the thing spoken of', async () => {
    const r = await ask('Thế ai phải chịu trách nhiệm nếu danh sách sai?', turn('Danh sách hộ được hỗ trợ sửa nhà ở Mường Khánh do ai phê duyệt?', 'Chủ tịch Ủy ban nhân dân huyện phê duyệt.'));
    expect(quotes(r)).toContain('Chủ tịch Ủy ban nhân dân xã chịu trách nhiệm');
  });

  it('explains with debug what it took from the conversation', async () => {
    const r = await runtime.assistant.ask({ question: 'Họ hỗ trợ bằng gì?', history: turn('Hộ cận nghèo không tự sửa được nhà thì ai giúp?', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động dân quân.'), debug: true });
    const question = (r.trace as { question: { followUp: boolean; inherited?: string[]; previousAnswer?: string } }).question;
    expect(question.followUp).toBe(true);
    expect(question.inherited).toEqual(expect.arrayContaining(['sua', 'nha']));
    expect(question.previousAnswer).toContain('dân quân');
  });

  it('turns to another case of the same rule', async () => {
    const r = await ask('Hộ có người khuyết tật thì sao?', turn('Hộ cận nghèo ở Mường Khánh được hỗ trợ sửa nhà bao nhiêu tiền?', '25 triệu đồng mỗi hộ.'));
    expect(quotes(r)).toContain('thêm 5 triệu đồng');
  });
});
