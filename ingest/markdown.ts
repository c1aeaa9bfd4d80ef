/**
 * A Markdown document as the plain text of the page it renders: headings without their "#", emphasis without
 * its stars, a table row as columns (the cells apart by spaces, as a two-column header or closing is laid out
 * on paper), links as their text. The rest of ingest (metadata, structure, the signature block) then reads a
 * .md like a .txt: "**Điều 3. Hiệu lực**" opens an article, "| Nơi nhận: | T/M CHI BỘ |" is two columns.
 */

/** "|---|:--:|": a table's header separator. */
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** "| a | b |" (the outer bars optional when there are inner ones). */
const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** Spaces between a row's cells: enough for the column reader (three or more). */
const COLUMN_GAP = '      ';

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\*\*(\S(?:[^*]*?\S)?)\*\*/g, '$1')
    .replace(/__(\S(?:[^_]*?\S)?)__/g, '$1')
    .replace(/(^|[\s(["“])\*(\S(?:[^*\n]*?\S)?)\*(?=[\s.,:;)\]”"!?]|$)/g, '$1$2')
    .replace(/(^|[\s(["“])_(\S(?:[^_\n]*?\S)?)_(?=[\s.,:;)\]”"!?]|$)/g, '$1$2')
    .replace(/\\([\\*_#|`[\]()>.+-])/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** A table's rows as cells ("| a | b |" → ["a", "b"]), trailing empty cells dropped. */
function rowCells(line: string): string[] {
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => inline(c.trim()));
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  return cells;
}

/**
 * A table's rows as text. A table with a row of three or more filled cells holds data (targets, figures, a schedule):
 * its rows keep their bars, one row a line, so each is a sentence read with its header row. Other tables are a layout
 * (the header's two columns, "Nơi nhận" beside the signer, an empty column between): cells apart by spaces, as on paper.
 */
function tableLines(rows: string[][]): string[] {
  const data = rows.some((cells) => cells.filter(Boolean).length >= 3);
  return rows.map((cells) => (data ? cells.map((c) => c || '-').join(' | ') : cells.join(COLUMN_GAP).trimEnd()));
}

export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const closeTable = () => {
    out.push(...tableLines(table));
    table = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    if (TABLE_RULE.test(raw) && raw.includes('|')) continue;
    let line = raw;
    if (TABLE_ROW.test(line)) {
      table.push(rowCells(line));
      continue;
    }
    if (table.length) closeTable();
    line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').replace(/^\s*>\s?/, '').replace(/^(\s*)[*+](?=\s)/, '$1-');
    // "***" / "___" alone: a rule, not text ("-----" under a header stays, as on paper).
    if (/^\s*(?:\*\s*){3,}$|^\s*(?:_\s*){3,}$/.test(line)) continue;
    out.push(inline(line));
  }
  if (table.length) closeTable();
  return out.join('\n');
}
