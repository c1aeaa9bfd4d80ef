/**
 * The registry of question kinds, read from kinds.json (data, not code): how each kind is detected in a
 * folded question, which of its words only express the kind, what a quote must show to count as evidence
 * for it, and the slots read from the question. `npm run explain -- --kinds` prints it.
 */
import spec from './kinds.json' with { type: 'json' };

export interface KindSpec {
  name: string;
  detect: string[];
  unless?: string[];
  consumes: string[];
  evidence: string[];
  prefers: string[];
  /** The evidence is the unit itself (money, %, a length of time): showing it shows the unit the question names. */
  unitEvidence?: boolean;
  /** The question states a claim to judge: its numbers and units are the claim's, not evidence the quote must show. */
  judges?: boolean;
  slots?: Record<string, string>;
  cases: { match: string[]; noMatch: string[]; evidence: string[]; noEvidence: string[] };
}

export interface Kind {
  name: string;
  spec: KindSpec;
  detect: RegExp[];
  unless: RegExp[];
  consumes: Set<string>;
  evidence: RegExp[];
  slots: Array<[string, RegExp]>;
}

/** A kind found in a question, with the slots its patterns captured ("unit": "thanh vien"). */
export interface KindMatch {
  name: string;
  slots: Record<string, string>;
}

export const KIND_SPECS: KindSpec[] = spec.kinds as KindSpec[];

export const KINDS: Kind[] = KIND_SPECS.map((s) => ({
  name: s.name,
  spec: s,
  detect: s.detect.map((p) => new RegExp(p)),
  unless: (s.unless ?? []).map((p) => new RegExp(p)),
  consumes: new Set(s.consumes),
  evidence: s.evidence.map((p) => new RegExp(p)),
  slots: Object.entries(s.slots ?? {}).map(([name, p]) => [name, new RegExp(p)] as [string, RegExp]),
}));

const BY_NAME = new Map(KINDS.map((k) => [k.name, k]));

export function kindNamed(name: string): Kind | undefined {
  return BY_NAME.get(name);
}

/** Folded, lowercase, punctuation as spaces: the text every kind pattern reads. */
export function patternText(folded: string): string {
  return folded
    .toLowerCase()
    .replace(/[?!.,;:"“”‘’()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kinds a folded question is of, in registry order. */
export function detectKinds(foldedQuestion: string): KindMatch[] {
  const text = patternText(foldedQuestion);
  const found: KindMatch[] = [];
  for (const kind of KINDS) {
    if (!kind.detect.some((p) => p.test(text)) || kind.unless.some((p) => p.test(text))) continue;
    const slots: Record<string, string> = {};
    for (const [name, pattern] of kind.slots) {
      const m = pattern.exec(text);
      if (m?.[1]) slots[name] = m[1];
    }
    found.push({ name: kind.name, slots });
  }
  return found;
}

/** The folded quote shows what the kind asks for (a kind without evidence patterns is always shown). */
export function showsEvidence(kind: Kind, foldedQuote: string): boolean {
  if (!kind.evidence.length) return true;
  const text = foldedQuote.toLowerCase();
  return kind.evidence.some((p) => p.test(text));
}

/** The registry as text: one block per kind. */
export function printRegistry(): string {
  return KIND_SPECS.map((s) =>
    [
      `${s.name}`,
      `  detect:   ${s.detect.join('  |  ')}`,
      ...(s.unless?.length ? [`  unless:   ${s.unless.join('  |  ')}`] : []),
      `  consumes: ${s.consumes.join(' ')}`,
      `  evidence: ${s.evidence.join('  |  ') || '(structure only)'}`,
      ...(s.prefers.length ? [`  prefers:  ${s.prefers.join(', ')}`] : []),
      ...(s.slots ? [`  slots:    ${Object.entries(s.slots).map(([k, v]) => `${k} ← ${v}`).join('; ')}`] : []),
    ].join('\n'),
  ).join('\n\n');
}
