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
  /**
   * A value of the kind written in a sentence ("98,5%", "120 triệu đồng", "từ ngày 3/4 đến ngày 5/4", "15 giờ"):
   * stricter than `evidence`, which may accept the kind's words alone. Read when choosing among close candidates.
   */
  values?: string[];
  /** The kind whose value, written instead of this kind's, is a neighbouring fact ("trước ngày …" for a start date). */
  contrary?: string;
  prefers: string[];
  /** The evidence is the unit itself (money, %, a length of time): showing it shows the unit the question names. */
  unitEvidence?: boolean;
  /** The kind's value is written with a sign only ("6,6%/năm" for a rate): a quote must write the sign. */
  signed?: boolean;
  /** The kind asks a length of time, which only its own evidence shows (a date near the answer is none). */
  length?: boolean;
  /** The kind asks for a value a quote must state: an amount (a number, a share, a sum) or a time (a date, a period, a length, a rate). */
  value?: 'amount' | 'time';
  /** The question states a claim to judge: its numbers and units are the claim's, not evidence the quote must show. */
  judges?: boolean;
  slots?: Record<string, string>;
  /** Slots whose whole match ("ngan sach huyen", "thuong truc") the quote should write too. */
  echo?: string[];
  cases: { match: string[]; noMatch: string[]; evidence: string[]; noEvidence: string[]; value?: string[]; noValue?: string[] };
}

export interface Kind {
  name: string;
  spec: KindSpec;
  detect: RegExp[];
  unless: RegExp[];
  consumes: Set<string>;
  evidence: RegExp[];
  values: RegExp[];
  slots: Array<[string, RegExp]>;
}

/** A kind found in a question, with the slots its patterns captured ("unit": "thanh vien"). */
export interface KindMatch {
  name: string;
  slots: Record<string, string>;
  /** The whole matches of the kind's `echo` slots, as the question writes them (folded). */
  echoes?: string[];
}

export const KIND_SPECS: KindSpec[] = spec.kinds as KindSpec[];

export const KINDS: Kind[] = KIND_SPECS.map((s) => ({
  name: s.name,
  spec: s,
  detect: s.detect.map((p) => new RegExp(p)),
  unless: (s.unless ?? []).map((p) => new RegExp(p)),
  consumes: new Set(s.consumes),
  evidence: s.evidence.map((p) => new RegExp(p)),
  values: (s.values ?? []).map((p) => new RegExp(p)),
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
    const echoes: string[] = [];
    for (const [name, pattern] of kind.slots) {
      const m = pattern.exec(text);
      if (!m?.[1]) continue;
      slots[name] = m[1];
      if (kind.spec.echo?.includes(name)) echoes.push(m[0]);
    }
    found.push({ name: kind.name, slots, ...(echoes.length ? { echoes } : {}) });
  }
  return found;
}

/** The folded quote shows what the kind asks for (a kind without evidence patterns is always shown). */
export function showsEvidence(kind: Kind, foldedQuote: string): boolean {
  if (!kind.evidence.length) return true;
  const text = foldedQuote.toLowerCase();
  return kind.evidence.some((p) => p.test(text));
}

/**
 * The value families a question's kinds ask for, each with the kinds that may show it: "thời hạn bao lâu" asks a
 * time that a length ("12 giờ") or a date shows; "bao nhiêu phần trăm" an amount that only a share shows.
 */
export function valueFamilies(kinds: Kind[]): Map<'amount' | 'time', Kind[]> {
  const families = new Map<'amount' | 'time', Kind[]>();
  for (const kind of kinds) if (kind.spec.value) families.set(kind.spec.value, [...(families.get(kind.spec.value) ?? []), kind]);
  return families;
}

/** The folded sentence writes a value of the kind (false for a kind without value patterns). */
export function showsValue(kind: Kind, foldedSentence: string): boolean {
  const text = foldedSentence.toLowerCase();
  return kind.values.some((p) => p.test(text));
}

/** Whether a text asks for / states a target to reach, or a result reached (kinds.json `modality`). */
export interface Modality {
  target: boolean;
  result: boolean;
}

interface ModalitySpec {
  target: { question: string[]; sentence: string[] };
  result: { question: string[]; sentence: string[] };
  cases: Record<'targetQuestion' | 'resultQuestion' | 'neutralQuestion' | 'targetSentence' | 'resultSentence' | 'neutralSentence', string[]>;
}

export const MODALITY_SPEC = (spec as unknown as { modality: ModalitySpec }).modality;
const compile = (patterns: string[]) => patterns.map((p) => new RegExp(p));
const MODALITY = {
  question: { target: compile(MODALITY_SPEC.target.question), result: compile(MODALITY_SPEC.result.question) },
  sentence: { target: compile(MODALITY_SPEC.target.sentence), result: compile(MODALITY_SPEC.result.sentence) },
};

/** A folded question's modality: does it ask for a target, a result (both false: it does not say). */
export function questionModality(foldedQuestion: string): Modality {
  const text = patternText(foldedQuestion);
  return { target: MODALITY.question.target.some((p) => p.test(text)), result: MODALITY.question.result.some((p) => p.test(text)) };
}

/** A folded sentence's modality: does it state a target, report a result. */
export function sentenceModality(foldedSentence: string): Modality {
  const text = patternText(foldedSentence);
  return { target: MODALITY.sentence.target.some((p) => p.test(text)), result: MODALITY.sentence.result.some((p) => p.test(text)) };
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
      ...(s.value ? [`  value:    ${s.value}`] : []),
      ...(s.length ? ['  length:   a length of time (a date shows none)'] : []),
      ...(s.values?.length ? [`  values:   ${s.values.join('  |  ')}`] : []),
      ...(s.prefers.length ? [`  prefers:  ${s.prefers.join(', ')}`] : []),
      ...(s.slots ? [`  slots:    ${Object.entries(s.slots).map(([k, v]) => `${k} ← ${v}`).join('; ')}`] : []),
    ].join('\n'),
  ).join('\n\n');
}
