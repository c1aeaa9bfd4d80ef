/** Plain-text formatting shared by the page and the widget (no DOM). */
import type { Citation } from '../../../types.js';
import type { Strings } from './i18n.js';

/** "2026-01-16" → "16/01/2026" (the way dates are written in the documents). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "Ban Tuyên giáo Tỉnh ủy Điện Biên" → "Tỉnh ủy Điện Biên": the level and place that tell issuers apart. */
const ISSUER_PLACE = /(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy .+$|(?:UBND|Ủy ban nhân dân|HĐND) .+$|(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường) .+$/u;

/** The document in a few words: its number, else its type and its issuer's level and place. */
function documentTag(c: Citation): string {
  if (c.docNumber) return c.docNumber;
  const type = c.title.split(/ – | “|:/)[0]!.trim();
  const issuer = c.issuer ? (ISSUER_PLACE.exec(c.issuer)?.[0] ?? c.issuer) : '';
  const short = issuer.length > 32 ? `${issuer.slice(0, 31).trimEnd()}…` : issuer;
  return [type.length > 40 ? `${type.slice(0, 39).trimEnd()}…` : type, short].filter(Boolean).join(', ');
}

/** Where the quote is: the citation's own label ("mục II.2.3.b", "Điều 29, khoản 1") in Vietnamese, the path in English. */
function placeTag(c: Citation, s: Strings): string {
  if (s.lang === 'vi' && c.sectionLabel) return c.sectionLabel;
  return c.section || s.opening;
}

/**
 * Chip labels that tell documents apart: "22-KH/TU · mục II.2.3.b", "Hướng dẫn, Huyện ủy Tam Đường · mục I.3";
 * two documents that still read alike get their dates.
 */
export function chipLabels(citations: Citation[], s: Strings): string[] {
  const tags = citations.map(documentTag);
  const docsByTag = new Map<string, Set<string>>();
  citations.forEach((c, i) => docsByTag.set(tags[i]!, (docsByTag.get(tags[i]!) ?? new Set()).add(c.docId ?? c.source)));
  return citations.map((c, i) => {
    const alike = docsByTag.get(tags[i]!)!.size > 1 && c.date ? ` (${formatDate(c.date)})` : '';
    return `${tags[i]}${alike} · ${placeTag(c, s)}`;
  });
}

/** The quote split at its answering clause (`span`): [before, answering part, after]; no span → the whole quote is before. */
export function quoteParts(c: Pick<Citation, 'quote' | 'span'>): [string, string, string] {
  const [a, b] = c.span ?? [0, 0];
  if (!c.span || a < 0 || b <= a || b > c.quote.length) return [c.quote, '', ''];
  return [c.quote.slice(0, a), c.quote.slice(a, b), c.quote.slice(b)];
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
  const answering = quoteParts(c)[1];
  if (answering) params.set('answer', answering);
  const id = c.docId ?? c.source.replace(/\.[^.]+$/, '');
  return `${base.replace(/\/+$/, '')}/documents/${encodeURIComponent(id)}?${params.toString()}`;
}
