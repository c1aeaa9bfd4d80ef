/**
 * Readable Vietnamese for questions built from OCR-damaged text: each word is
 * mapped to a form attested in clean documents, allowing one OCR edit
 * ("hdi" → "hội", "t6i" → "tối"). Only questions use this; answers stay verbatim.
 */
import { fold, normalizeText } from '../text/fold.js';
import { withinOneEdit } from '../text/edit-distance.js';

/** Words every directive uses, so restoration works even when little clean text is indexed. */
const SEED = `Tỉnh ủy Huyện ủy Thành ủy Đảng ủy Ban Thường vụ Tỉnh ủy Ban Chấp hành Trung ương Ban Bí thư Bộ Chính trị
Ban Tuyên giáo và Dân vận Tỉnh ủy Ban Tổ chức Tỉnh ủy Ủy ban Kiểm tra Tỉnh ủy Văn phòng Tỉnh ủy Sở Nội vụ Thanh tra tỉnh
Ủy ban nhân dân tỉnh Hội đồng nhân dân tỉnh Mặt trận Tổ quốc Việt Nam các tổ chức chính trị - xã hội
Kế hoạch Hướng dẫn Kết luận Nghị quyết Chỉ thị Quy định Báo cáo Chương trình Điện Biên Sơn La Lai Châu
văn bản hành chính cắt giảm tối thiểu số lượng so với năm trước hội nghị trực tuyến trực tiếp chiếm ít nhất không quá tổng số
tinh giản xử lý hồ sơ số tỷ lệ thủ tục hành chính số hóa đạt từ trở lên báo cáo định kỳ thực hiện qua mạng
tần suất cấp tỉnh tổ chức quy mô toàn tỉnh cấp xã toàn xã năm trừ định kỳ thành phần mời đúng đối tượng liên quan
thời lượng quán triệt chuyên môn thảo luận quan trọng ngày điều hành phát biểu khai mạc kết luận tham luận phút
tập trung không đọc lại tài liệu quý hoàn thành hằng năm hàng năm sáu tháng chủ trì phối hợp tham mưu theo dõi đôn đốc
chấn chỉnh lề lối làm việc nâng cao hiệu quả hoạt động hệ thống chính trị từ tỉnh đến cơ sở đổi mới công tác ban hành
phương thức lãnh đạo chỉ đạo phương châm hơn trách nhiệm cán bộ đảng viên công chức viên chức thực thi công vụ
ứng dụng công nghệ thông tin chuyển đổi chế độ thông tin báo cáo nhiệm vụ giải pháp trọng tâm chỉ tiêu cụ thể
mục đích yêu cầu tuyên truyền xây dựng Đảng hình thức nội dung phương tiện cổ động trực quan khẩu hiệu băng rôn
đội thông tin lưu động hệ thống loa phát thanh cơ sở báo cáo viên tuyên truyền viên`;

const WORD = /\p{L}[\p{L}\p{N}]*|\d+[\p{L}]\p{L}*/gu;

export class Restorer {
  private readonly unigrams = new Map<string, Map<string, number>>();
  private readonly bigrams = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  constructor(cleanTexts: string[]) {
    for (const text of [SEED, ...cleanTexts]) this.learn(text);
    for (const key of this.unigrams.keys()) {
      const list = this.byLength.get(key.length) ?? [];
      list.push(key);
      this.byLength.set(key.length, list);
    }
  }

  private learn(text: string): void {
    for (const line of normalizeText(text).split(/[\n.,;:()"“”]/)) {
      const words = line.match(/\p{L}+/gu) ?? [];
      let previous: string | undefined;
      for (const word of words) {
        const key = fold(word);
        const surface = word.length > 1 && word === word.toUpperCase() ? word.toLowerCase() : word;
        const forms = this.unigrams.get(key) ?? new Map<string, number>();
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
        this.unigrams.set(key, forms);
        if (previous) this.bigrams.set(`${previous} ${key}`, (this.bigrams.get(`${previous} ${key}`) ?? 0) + 1);
        previous = key;
      }
    }
  }

  /** Keys a damaged word may stand for: itself when known, else known keys one edit away. */
  private candidates(key: string): string[] {
    if (this.unigrams.has(key)) return [key];
    const out: string[] = [];
    for (const length of [key.length - 1, key.length, key.length + 1]) {
      for (const known of this.byLength.get(length) ?? []) if (withinOneEdit(key, known)) out.push(known);
    }
    return out;
  }

  /**
   * Restores a phrase. `known` is the share of words that could be mapped to an
   * attested word: below ~0.85 the result is not fit to show.
   */
  restore(text: string): { text: string; known: number } {
    const matches = [...text.normalize('NFC').matchAll(WORD)];
    let out = '';
    let last = 0;
    let previous: string | undefined;
    let resolved = 0;
    for (const m of matches) {
      const raw = m[0];
      const key = fold(raw).replace(/[0-9]/g, (d) => ({ '6': 'o', '0': 'o', '1': 'l', '8': 'o', '3': 'a', '4': 'a' })[d] ?? d);
      const options = this.candidates(key);
      let word = raw;
      if (options.length) {
        resolved++;
        const score = (k: string) => (previous ? (this.bigrams.get(`${previous} ${k}`) ?? 0) * 50 : 0) + this.total(k) + (k === key ? 1000 : 0);
        const best = options.sort((a, b) => score(b) - score(a))[0]!;
        word = this.surface(best);
        previous = best;
      } else if (/^\d+$/.test(raw)) {
        resolved++;
        previous = undefined;
      } else previous = undefined;
      out += text.slice(last, m.index) + word;
      last = m.index! + raw.length;
    }
    out += text.slice(last);
    return { text: out, known: matches.length ? resolved / matches.length : 1 };
  }

  private total(key: string): number {
    let sum = 0;
    for (const count of this.unigrams.get(key)?.values() ?? []) sum += count;
    return sum;
  }

  /** Most frequent lowercase form (proper nouns keep their capitals). */
  private surface(key: string): string {
    const forms = [...(this.unigrams.get(key) ?? [])].sort((a, b) => b[1] - a[1]);
    const lower = forms.find(([f]) => f === f.toLowerCase());
    const top = forms[0]![0];
    return lower && lower[1] * 2 >= forms[0]![1] ? lower[0] : top;
  }
}
