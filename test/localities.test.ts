/** Localities a question names, read against the corpus's own issuers and places (invented documents). */
import { describe, expect, it } from 'vitest';
import { corpusLocalities, namedLocalities, namesLocality } from '../src/answer/localities.js';
import type { DocumentMeta } from '../src/types.js';

const doc = (id: string, title: string, issuer: string, place?: string): DocumentMeta => ({ id, source: `${id}.txt`, title, issuer, place }) as DocumentMeta;
const documents = [
  doc('a', 'Phương án thu gom rác thải xã Phước Sơn năm 2027', 'Ủy ban nhân dân xã Phước Sơn', 'Phước Sơn'),
  doc('b', 'Kế hoạch ngày hội thể thao', 'Ban Thường vụ Huyện ủy Tân Thạnh', 'Tân Thạnh'),
];
const known = corpusLocalities(documents);

describe('namedLocalities', () => {
  it('reads a locality after its unit, with or without diacritics, and a Party body’s unit', () => {
    expect(namedLocalities('Ở xã Phước Sơn thu gom rác mấy lần?', known)).toEqual([{ name: 'phuoc son', words: ['xa', 'phuoc', 'son'] }]);
    expect(namedLocalities('huyen uy tan thanh to chuc ngay hoi khi nao', known).map((l) => l.words)).toEqual([['huyen', 'uy', 'tan', 'thanh']]);
  });

  it('reads an English locality before its unit', () => {
    expect(namedLocalities("How often is waste collected in Phuoc Son commune?", known).map((l) => l.name)).toEqual(['phuoc son']);
  });

  it('takes no ordinary words after a unit word for a name', () => {
    expect(namedLocalities('Chủ tịch xã phải tiếp dân mấy ngày?', known)).toEqual([]);
  });

  it('takes no locality the corpus’s documents are not of', () => {
    expect(namedLocalities('Ở xã Bình Lợi thu gom rác mấy lần?', known)).toEqual([]);
  });
});

describe('namesLocality', () => {
  it('finds the locality in the document’s header or text, and not in another’s', () => {
    expect(namesLocality(documents[0]!, undefined, 'phuoc son')).toBe(true);
    expect(namesLocality(documents[1]!, 'Các xã tổ chức ngày hội.', 'phuoc son')).toBe(false);
    expect(namesLocality(doc('c', 'Kế hoạch', 'Huyện ủy'), 'Phối hợp với xã Phước Sơn.', 'phuoc son')).toBe(true);
  });
});
