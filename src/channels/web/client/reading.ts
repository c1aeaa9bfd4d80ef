/**
 * The restored reading of scanned text, shown first and labelled as
 * machine-made, with the verbatim scan beside it (chat, widget, source view).
 */
import { h } from './dom.js';
import type { Strings } from './i18n.js';

/** Reading, then the scan as `scan` renders it (the scan stays what "Xem trong văn bản" finds). */
export function withReading(s: Strings, reading: string | undefined, scan: HTMLElement, className: string): HTMLElement {
  if (!reading) return scan;
  return h(
    'div',
    { className: `${className}-pair`, 'data-vanban': 'reading-pair' },
    h('p', { className: `${className}-label` }, h('strong', { text: s.reading }), ` (${s.readingNote}):`),
    h('blockquote', { className: `${className}-reading`, 'data-vanban': 'reading', lang: 'vi', text: reading }),
    h('p', { className: `${className}-label`, text: `${s.scanText}:` }),
    scan,
  );
}
