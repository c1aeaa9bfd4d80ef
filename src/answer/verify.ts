/**
 * Verification of a model's answer against the excerpts it was given, before
 * anything reaches a user. Pure: no I/O, no model.
 *
 * Rules, per sentence: every [n] names a supplied excerpt; every quoted span
 * (“…” or "…") exists verbatim (after matchKey normalisation) in an excerpt the
 * sentence cites; every number appears in a cited excerpt. A sentence without
 * its own [n] but with a quote or number borrows the markers of the next cited
 * sentence on its line, else of the previous cited sentence. Sentences that
 * fail are dropped; the caller decides whether what is left is enough.
 *
 * Works on a growing buffer too (streaming): sentences that cannot be decided
 * yet are "pending", so only verified text is ever emitted.
 */
import { matchKey } from '../../ingest/clean.js';

export interface Excerpt {
  n: number;
  /** Exactly what the model saw for this excerpt: header and text. */
  text: string;
}

export type VerificationStatus = 'passed' | 'repaired' | 'fallback';

export type DropReason = 'unknown_citation' | 'unverified_quote' | 'unsupported_number' | 'uncited_claim';

export interface Segment {
  start: number;
  /** End offset, trailing [n] markers included. */
  end: number;
  text: string;
  line: number;
  /** Raw [n] numbers, in order, duplicates removed. */
  markers: number[];
  quotes: string[];
  numbers: string[];
}

export interface SegmentDecision {
  segment: Segment;
  state: 'kept' | 'dropped' | 'pending';
  reason?: DropReason;
  /** The excerpts this sentence was checked against. */
  cites: number[];
}

/** "[1]", "[1, 2]", "[1][3]", "[2–4]" */
const MARKER = /\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]/g;
/** A sentence ends after . ? ! … (plus closing quotes/brackets and any [n] markers) before a space or the end. */
const BOUNDARY = /[.?!…]+["”’)]*(?:\s*\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\])*(?=\s|$)/g;
const CURLY_QUOTE = /“([^“”]+)”/g;
const STRAIGHT_QUOTE = /"([^"\n]+)"/g;

function parseMarkers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    for (const part of m[1]!.split(/\s*[,;]\s*/)) {
      const range = part.split(/\s*[–-]\s*/).map(Number);
      const [a, b = a] = range as [number, number?];
      for (let n = a; n <= Math.min(b!, a + 20); n++) if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}

/** Digit runs without leading zeros: "16/01/2026" → 16, 1, 2026. */
export function numbersIn(text: string): string[] {
  return [...text.replace(MARKER, ' ').matchAll(/\d+/g)].map((m) => m[0].replace(/^0+(?=\d)/, ''));
}

function quotesIn(text: string): string[] {
  return [...text.matchAll(CURLY_QUOTE), ...text.matchAll(STRAIGHT_QUOTE)].map((m) => m[1]!.trim()).filter(Boolean);
}

/** Inside an open “…” (or an odd number of ") at `end`: not a sentence boundary. */
function insideQuote(text: string): boolean {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return open > close || (text.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * What local models add around the answer: reasoning blocks (<think>…</think>,
 * dropped; an unclosed one hides everything after it until it closes) and
 * citation variants (【1】, [^1], [Trích đoạn 1]) rewritten as [1].
 */
export function normaliseAnswer(raw: string): string {
  return raw
    .replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '')
    .replace(/【(\d{1,3})】/g, '[$1]')
    .replace(/\[\^(\d{1,3})\]/g, '[$1]')
    .replace(/\[(?:trích đoạn|đoạn trích|đoạn|nguồn|excerpt|source)\s*(\d{1,3})\]/giu, '[$1]')
    .replace(/^\s+/, '');
}

/** Splits an answer into sentences with their markers, quotes and numbers. */
export function segmentAnswer(text: string): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  text.split('\n').forEach((line, lineNo) => {
    let start = 0;
    const push = (a: number, b: number) => {
      while (a < b && /\s/.test(line[a]!)) a++;
      while (b > a && /\s/.test(line[b - 1]!)) b--;
      if (b <= a) return;
      const body = line.slice(a, b);
      segments.push({ start: offset + a, end: offset + b, text: body, line: lineNo, markers: parseMarkers(body), quotes: quotesIn(body), numbers: numbersIn(body) });
    };
    for (const m of line.matchAll(BOUNDARY)) {
      const cut = m.index! + m[0].length;
      if (insideQuote(line.slice(start, cut))) continue;
      push(start, cut);
      start = cut;
    }
    push(start, line.length);
    offset += line.length + 1;
  });
  return segments;
}

function quoteFound(quote: string, source: string): boolean {
  // "…" inside a quote marks an elision: each piece must be verbatim.
  const pieces = quote.split(/…|\.\.\./).map((p) => matchKey(p).replace(/^[\s,;:]+|[\s.,;:]+$/g, '')).filter(Boolean);
  if (!pieces.length) return false;
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return pieces.every((p) => source.includes(p) || source.includes(lowerFirst(p)));
}

interface PreparedExcerpt {
  key: string;
  numbers: Set<string>;
}

/** Streaming re-checks the growing answer on every delta: normalise the excerpts once. */
const preparedCache = new WeakMap<Excerpt[], Map<number, PreparedExcerpt>>();

function prepare(excerpts: Excerpt[]): Map<number, PreparedExcerpt> {
  let prepared = preparedCache.get(excerpts);
  if (!prepared) {
    prepared = new Map(excerpts.map((e) => [e.n, { key: matchKey(e.text), numbers: new Set(numbersIn(e.text)) }]));
    preparedCache.set(excerpts, prepared);
  }
  return prepared;
}

/** A quote mark left open (or closed without opening): a quote that cannot be checked, e.g. one spanning lines. */
function unbalancedQuote(text: string): boolean {
  const stripped = text.replace(CURLY_QUOTE, '').replace(STRAIGHT_QUOTE, '');
  return /[“”"]/.test(stripped);
}

function check(segment: Segment, cites: number[], prepared: Map<number, PreparedExcerpt>): DropReason | undefined {
  if (unbalancedQuote(segment.text)) return 'unverified_quote';
  const sources = cites.map((n) => prepared.get(n)!);
  for (const quote of segment.quotes) if (!sources.some((s) => quoteFound(quote, s.key))) return 'unverified_quote';
  for (const number of segment.numbers) if (!sources.some((s) => s.numbers.has(number))) return 'unsupported_number';
  return undefined;
}

/**
 * Decides each sentence. With `final: false` the last sentence (it may still
 * grow) and claims whose citation may still come later on their line stay pending.
 */
export function decideSegments(text: string, excerpts: Excerpt[], options: { final: boolean }): SegmentDecision[] {
  const prepared = prepare(excerpts);
  const segments = segmentAnswer(text);
  const lines = text.split('\n');
  const lineDone = (line: number) => options.final || line < lines.length - 1;
  const decisions: SegmentDecision[] = [];
  let previousCites: number[] = [];
  let pending = false;
  segments.forEach((segment, i) => {
    const decide = (state: SegmentDecision['state'], cites: number[] = [], reason?: DropReason) => {
      decisions.push({ segment, state, cites, ...(reason ? { reason } : {}) });
    };
    // Once one sentence is pending, everything after waits too (text is emitted in order).
    if (pending || (!options.final && i === segments.length - 1)) {
      pending = true;
      return decide('pending');
    }
    if (segment.markers.some((n) => !prepared.has(n))) return decide('dropped', segment.markers, 'unknown_citation');
    const claims = segment.quotes.length + segment.numbers.length > 0 || unbalancedQuote(segment.text);
    let cites = segment.markers;
    if (!cites.length && claims) {
      const next = segments.slice(i + 1).find((s) => s.line === segment.line && s.markers.length);
      if (next) cites = next.markers.filter((n) => prepared.has(n));
      else if (!lineDone(segment.line)) {
        pending = true;
        return decide('pending');
      } else cites = previousCites;
      if (!cites.length) return decide('dropped', [], 'uncited_claim');
    }
    const reason = claims ? check(segment, cites, prepared) : undefined;
    if (reason) return decide('dropped', cites, reason);
    if (segment.markers.length) previousCites = segment.markers;
    return decide('kept', cites);
  });
  return decisions;
}

/** The kept sentences joined back, keeping line breaks between them. */
export function keptText(text: string, decisions: SegmentDecision[]): string {
  let out = '';
  let lastEnd = -1;
  for (const d of decisions) {
    if (d.state === 'pending') break;
    if (d.state !== 'kept') continue;
    if (lastEnd >= 0) {
      const gap = text.slice(lastEnd, d.segment.start);
      out += gap.includes('\n') ? (/\n\s*\n/.test(gap) ? '\n\n' : '\n') : ' ';
    }
    out += d.segment.text;
    lastEnd = d.segment.end;
  }
  return out;
}

export interface Verification {
  /** "failed": nothing trustworthy and cited is left; the caller falls back. */
  status: 'passed' | 'repaired' | 'failed';
  /** The kept text, original numbering. */
  answer: string;
  /** Excerpt numbers cited by kept sentences, in order of first appearance. */
  cited: number[];
  dropped: Array<{ sentence: string; reason: DropReason }>;
  kept: SegmentDecision[];
}

export function verifyAnswer(text: string, excerpts: Excerpt[]): Verification {
  const decisions = decideSegments(text, excerpts, { final: true });
  const kept = decisions.filter((d) => d.state === 'kept');
  const dropped = decisions.filter((d) => d.state === 'dropped').map((d) => ({ sentence: d.segment.text, reason: d.reason! }));
  const cited: number[] = [];
  for (const d of kept) for (const n of d.segment.markers) if (!cited.includes(n)) cited.push(n);
  const answer = keptText(text, decisions);
  // Repair only when most of the answer survives and it still cites something.
  const failed = dropped.length > 0 && (!cited.length || dropped.length > kept.length);
  return { status: failed ? 'failed' : dropped.length ? 'repaired' : 'passed', answer, cited, dropped, kept };
}

/** Rewrites [n] markers through `mapping` (old → new); unknown numbers are removed. */
export function renumber(text: string, mapping: Map<number, number>): string {
  return text
    .replace(MARKER, (_, inner: string) => {
      const mapped = parseMarkers(`[${inner}]`).map((n) => mapping.get(n)).filter((n): n is number => n !== undefined);
      return mapped.length ? `[${[...new Set(mapped)].join(', ')}]` : '\u0000';
    })
    .replace(/[ \t]*\u0000/g, '');
}
