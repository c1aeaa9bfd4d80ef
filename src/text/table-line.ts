/**
 * A line that is a whole row of a table: cells apart by bars, with or without the outer ones
 * ("| 07 giờ 30 | Khai mạc | Chủ tịch |", "2 | Tổng sản lượng lương thực | tấn | 52.000"). Cleaning keeps such a
 * line on its own and sentence splitting keeps it whole, so each row is one sentence read with its header row.
 */
export function isTableLine(line: string): boolean {
  const text = line.trim();
  if (/^\|(?:[^|]*\|){2,}$/.test(text)) return true;
  return (text.match(/ \| /g)?.length ?? 0) >= 2;
}

/** The longest cell a row sentence holds: a line whose bars part longer runs is a scan's text with stray bars. */
const LONGEST_CELL = 100;

/** A table line read as one sentence, whatever full stops its cells hold. */
export function isRowSentence(line: string): boolean {
  return isTableLine(line) && cellsOf(line).every((cell) => cell.length <= LONGEST_CELL);
}

/** The cells of a row, trimmed, empty ones dropped ("| 1 | Sâm | 600 |" → ["1", "Sâm", "600"]). */
export function cellsOf(row: string): string[] {
  return row
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** A row that names columns: none of its cells is a number ("STT | Chỉ tiêu | Đơn vị | Kế hoạch 2026"). */
export function isHeaderRow(row: string): boolean {
  const cells = cellsOf(row);
  return cells.length >= 2 && cells.every((c) => !/^[\d.,%/\s-]+$/.test(c));
}

/**
 * The header row the rows at the end of `text` are read with, for a chunk that continues them: the first line of
 * the closing run of table lines when it names columns, else `carried` (the header of a run that started earlier).
 */
export function headerAtEnd(text: string, carried: string | undefined): string | undefined {
  const lines = text.split('\n');
  let first = lines.length;
  while (first > 0 && isTableLine(lines[first - 1]!)) first--;
  if (first === lines.length) return undefined;
  if (first === 0 && carried) return carried;
  const opening = lines[first]!.trim();
  return isHeaderRow(opening) ? opening : undefined;
}
