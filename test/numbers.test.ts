import { describe, expect, it } from 'vitest';
import { numberSpellings, numberValue, toRoman } from '../src/text/numbers.js';

describe('number spellings', () => {
  it('reads digits, Vietnamese words and Roman numerals as one another', () => {
    expect(numberSpellings('2')).toEqual(['2', '02', 'hai', 'ii']);
    expect(numberSpellings('4')).toEqual(['4', '04', 'bon', 'tu', 'iv']);
    // Counts are often padded: "03 hội nghị" is 3.
    expect(numberSpellings('03')).toEqual(['03', '3', 'ba', 'iii']);
    expect(numberSpellings('14')).toEqual(['14', 'xiv']);
    expect(numberSpellings('40')).toEqual(['40']);
    expect(numberValue('xvi')).toBe(16);
    expect(numberValue('nhat')).toBe(1);
    expect(numberValue('hop')).toBeUndefined();
    expect(toRoman(39)).toBe('xxxix');
    expect(toRoman(0)).toBeUndefined();
  });
});
