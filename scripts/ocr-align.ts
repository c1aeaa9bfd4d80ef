/** Token alignment of a clean page with its OCR text and reading (scripts/ocr-restore-eval.ts, scripts/calibrate-reading.ts). */
/**
 * Aligns the clean text's whitespace tokens with the OCR's (edit distance over tokens); the reading
 * has the OCR's tokens one for one. Counts clean tokens, those the OCR got right, those the reading
 * got right, and those the OCR got right that the reading made wrong.
 */
export function alignTokens(cleanText: string, ocrText: string, readingText: string) {
  const clean = cleanText.normalize('NFC').split(/\s+/).filter(Boolean);
  const ocr = ocrText.normalize('NFC').split(/\s+/).filter(Boolean);
  const reading = readingText.normalize('NFC').split(/\s+/).filter(Boolean);
  if (reading.length !== ocr.length) throw new Error(`reading has ${reading.length} tokens, scan ${ocr.length}`);
  const n = clean.length;
  const m = ocr.length;
  const cost = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) cost[i]![0] = i;
  for (let j = 0; j <= m; j++) cost[0]![j] = j;
  // Substituting a token for a damaged copy of it is cheaper than a gap: letters in common decide.
  const foldedClean = clean.map(fold1);
  const foldedOcr = ocr.map(fold1);
  const firstLetter = (folded: string) => folded.toLowerCase().replace(/[^a-z]/g, '')[0];
  const cleanFirst = foldedClean.map(firstLetter);
  const ocrFirst = foldedOcr.map(firstLetter);
  const near = (i: number, j: number) => (foldedClean[i] === foldedOcr[j] ? 0 : cleanFirst[i] === ocrFirst[j] ? 1 : 2);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cost[i]![j] = Math.min(cost[i - 1]![j - 1]! + near(i - 1, j - 1), cost[i - 1]![j]! + 2, cost[i]![j - 1]! + 2);
    }
  }
  let before = 0;
  let after = 0;
  let madeWrong = 0;
  const misses: Array<[string, string, string]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = cost[i]![j]!;
    if (here === cost[i - 1]![j - 1]! + near(i - 1, j - 1)) {
      const c = clean[i - 1]!;
      const ok = ocr[j - 1] === c;
      const good = reading[j - 1] === c;
      before += ok ? 1 : 0;
      after += good ? 1 : 0;
      if (ok && !good) madeWrong++;
      if (!good) misses.unshift([c, ocr[j - 1]!, reading[j - 1]!]);
      i--;
      j--;
    } else if (here === cost[i - 1]![j]! + 2) i--;
    else j--;
  }
  return { clean: n, before, after, madeWrong, misses };
}

function fold1(token: string): string {
  return token.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd');
}
