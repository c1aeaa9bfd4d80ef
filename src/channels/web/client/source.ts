/**
 * Entry for GET /documents/:id: the document with its section outline.
 * `?section=II.2.3.b&quote=…` highlights the quoted passage and scrolls to it.
 */
import type { DocumentMeta } from '../../../types.js';
import { definitionList, h } from './dom.js';
import { formatDate } from './format.js';
import { findQuote } from './highlight.js';
import { parseLang, strings, type Lang } from './i18n.js';
import { withReading } from './reading.js';

interface DocumentPayload {
  document: DocumentMeta;
  text: string;
  sections: { id: string; section: string; sectionTitle: string; sectionTitleRaw?: string; text: string; reading?: string }[];
}

function currentLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl) return parseLang(fromUrl);
  try {
    return parseLang(localStorage.getItem('vanban:lang'));
  } catch {
    return 'vi';
  }
}

const lang = currentLang();
const s = strings(lang);
document.documentElement.lang = lang;
const mount = document.getElementById('vanban-source')!;
const params = new URLSearchParams(location.search);
const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

async function load(): Promise<void> {
  mount.replaceChildren(h('p', { role: 'status', text: s.loading }));
  let payload: DocumentPayload;
  try {
    const res = await fetch(`/api/documents/${encodeURIComponent(id)}`);
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new Error(body.error?.message || s.notFound);
    }
    payload = (await res.json()) as DocumentPayload;
  } catch (err) {
    mount.replaceChildren(h('a', { href: '/', text: s.backToChat }), h('p', { role: 'alert', text: err instanceof Error ? err.message : s.notFound }));
    return;
  }
  render(payload);
}

function render({ document: doc, sections }: DocumentPayload): void {
  document.title = doc.title;
  const meta = definitionList('vs-meta', [
    [s.docNumber, doc.docNumber],
    [s.issuer, doc.issuer],
    [s.date, formatDate(doc.date)],
  ]);

  // Consecutive chunks of one section are shown together under one heading.
  const groups: { path: string; title: string; raw?: string; parts: { text: string; reading?: string }[] }[] = [];
  for (const part of sections) {
    const last = groups[groups.length - 1];
    if (last && last.path === part.section) last.parts.push(part);
    else groups.push({ path: part.section, title: part.sectionTitle, raw: part.sectionTitleRaw, parts: [part] });
  }

  const body = h('article', { className: 'vs-body', 'aria-label': doc.title });
  const nav = h('ol');
  const byPath = new Map<string, HTMLElement>();
  groups.forEach((group, i) => {
    const anchor = `vs-s-${i}`;
    const label = group.path ? `${group.path} – ${group.title}` : group.title || s.opening;
    // A restored title keeps the scanned one beside it (the text below is the scan, verbatim).
    const heading = h('h2', { text: label }, group.raw ? h('small', { className: 'vs-raw', text: ` (${s.scannedTitle}: ${group.raw})` }) : null);
    const section = h('section', { id: anchor, className: 'vs-section', 'data-section': group.path, tabindex: '-1' }, heading, ...group.parts.map(({ text, reading }) => withReading(s, reading, h('p', { className: 'vs-text', text }), 'vs')));
    if (!byPath.has(group.path)) byPath.set(group.path, section);
    body.appendChild(section);
    const depth = group.path ? group.path.split('.').length - 1 : 0;
    nav.appendChild(h('li', {}, h('a', { href: `#${anchor}`, className: `vs-d${Math.min(depth, 4)}`, text: label })));
  });

  mount.replaceChildren(
    h('a', { href: '/', className: 'vs-back', text: s.backToChat }),
    h('header', { className: 'vs-header' }, h('h1', { text: doc.title }), meta, doc.ocr ? h('p', { className: 'vs-ocr' }, h('span', { className: 'vs-badge', text: s.ocrBadge }), s.ocrNote, sections.some((p) => p.sectionTitleRaw) ? ` ${s.restoredTitles}` : '') : null),
    h('div', { className: 'vs-layout' }, h('nav', { className: 'vs-outline', 'aria-label': s.outline }, h('h2', { text: s.outline }), nav), body),
  );
  highlight(byPath, body);
}

function highlight(byPath: Map<string, HTMLElement>, body: HTMLElement): void {
  const sectionPath = params.get('section');
  const quote = params.get('quote');
  const target = sectionPath !== null ? byPath.get(sectionPath) : undefined;
  if (quote) {
    const scopes = [target, body].filter((x): x is HTMLElement => !!x);
    for (const scope of scopes) {
      for (const p of scope.querySelectorAll<HTMLElement>('.vs-text')) {
        const node = p.firstChild;
        if (!(node instanceof Text)) continue;
        const span = findQuote(node.data, quote);
        if (!span) continue;
        const range = document.createRange();
        range.setStart(node, span.start);
        range.setEnd(node, span.end);
        const mark = h('mark', { className: 'vs-mark', 'data-vanban': 'highlight', tabindex: '-1', title: s.highlighted });
        range.surroundContents(mark);
        markAnswering(mark);
        p.closest('.vs-section')?.classList.add('vs-target');
        mark.scrollIntoView({ block: 'center' });
        mark.focus({ preventScroll: true });
        return;
      }
    }
  }
  if (target) {
    target.classList.add('vs-target');
    if (quote) target.insertBefore(h('p', { className: 'vs-notice', role: 'status', text: s.quoteNotFound }), target.children[1] ?? null);
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

/** Inside the highlighted quote, the clause that answers (`?answer=`), in bold. */
function markAnswering(mark: HTMLElement): void {
  const answering = params.get('answer');
  const node = mark.firstChild;
  if (!answering || !(node instanceof Text)) return;
  const span = findQuote(node.data, answering);
  if (!span) return;
  const range = document.createRange();
  range.setStart(node, span.start);
  range.setEnd(node, span.end);
  range.surroundContents(h('strong', { className: 'vs-span', 'data-vanban': 'answering', title: s.answering }));
}

void load();
