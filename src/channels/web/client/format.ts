/** Plain-text formatting shared by the page and the widget (no DOM). */
import type { Citation } from '../../../types.js';
import type { Strings } from './i18n.js';

/** "2026-01-16" → "16/01/2026" (the way dates are written in the documents). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Short chip label: "22-KH/TU · II.2.3.b". */
export function chipLabel(c: Citation): string {
  const doc = c.docNumber ?? c.title.split(' – ')[0] ?? c.source;
  return c.section ? `${doc} · ${c.section}` : doc;
}

/** "II.2.3.b – Điều hành" */
export function sectionLabel(c: Citation, s: Strings): string {
  const path = c.section || s.opening;
  return c.sectionTitle && c.sectionTitle !== path ? `${path} – ${c.sectionTitle}` : path;
}

/** The answer with its citations, as a cadre would paste it into a report. */
export function copyText(answer: string, citations: Citation[], s: Strings): string {
  if (!citations.length) return answer;
  const lines = citations.map((c) => {
    const meta = [c.issuer, formatDate(c.date)].filter(Boolean).join(', ');
    return `[${c.n}] ${c.title}${meta ? ` — ${meta}` : ''}; ${s.section.toLowerCase()} ${sectionLabel(c, s)}: “${c.quote}”`;
  });
  return `${answer}\n\n${s.sourcesHeading}\n${lines.join('\n')}`;
}

/** Link to the source view with the passage to highlight. */
export function sourceHref(base: string, c: Citation): string {
  const params = new URLSearchParams();
  if (c.section) params.set('section', c.section);
  if (c.quote) params.set('quote', c.quote);
  const id = c.docId ?? c.source.replace(/\.[^.]+$/, '');
  return `${base.replace(/\/+$/, '')}/documents/${encodeURIComponent(id)}?${params.toString()}`;
}
