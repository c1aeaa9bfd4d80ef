/**
 * English → Vietnamese administrative glossary, so English questions work offline.
 * The vocabulary is data (glossary.json); this module reads a question through it.
 * With an LLM configured, translation is the model's job (prompts/translate-query.md).
 */
import { fold } from './fold.js';
import glossary from './glossary.json' with { type: 'json' };

const PHRASES: Array<[string, string]> = Object.entries(glossary.phrases);
/** A Map, not the JSON object: an English word such as "constructor" must not find the object's prototype. */
const WORDS = new Map<string, string>(Object.entries(glossary.words));

/** English question shapes and the Vietnamese question words that ask the same; the first match of each group counts. */
const QUESTION_FORMS: Array<{ group: string; pattern: RegExp; vi: string }> = glossary.questionForms.map((f) => ({ group: f.group, pattern: new RegExp(f.en), vi: f.vi }));

/**
 * The phrases as patterns, compiled once, longest first so "no forbidden zones" wins over "forbidden zones"
 * ("province-wide" matches "province wide" and "people's" matches "people s": the question is split the same way).
 */
const PHRASE_PATTERNS: Array<[RegExp, string, string]> = PHRASES.map(([phrase, vi]): [string[], string, string] => [phrase.split(/[\s'-]+/), vi, phrase])
  .sort((a, b) => b[0].length - a[0].length)
  .map(([words, vi, phrase]) => [new RegExp(`(?<=\\s)${words.join('\\s+')}(?=[\\s.,])`, 'g'), vi, phrase]);

const STOPWORDS = new Set(
  'a an the is are was were be can could should must may might do does did of for to in on at by with and or about from per each every it its this that these those there their they them i we you he she his her him our us your how what which who when where why long many much be been being into as than not no any under have has had will shall what\'s s one also only just ever here both some other such own same so too very then now get gets got take takes taken make makes made need needs say says said tell told give given go goes come comes keep kept put'.split(' ')
    // Words that ask about a document without naming a topic ("what does the plan state", "which regulation is cited").
    .concat('state states stated mention mentions mentioned cite cites cited according accordingly number numbers where list lists listed include includes included including contain contains contained specify specifies specified describe describes described regarding concerning regard regards within outline outlines outlined set lay laid write written text mean means meant show shows find found look please exactly specifically particular particularly especially actually really would like know kind kinds type types sort thing things point points item items anything something everything whether if whom whose among toward towards upon onto all any there here way called name names named naming titled refer refers referred want wants done happen happens happened commit commits committed over aloud'.split(' ')),
);

/** A short quoted term ("5 tự", “3 hơn”): up to four words between straight or curly double quotes. */
const QUOTED = /["“]([^"“”\s]+(?:\s+[^"“”\s]+){0,3})["”]/g;

/** True when a question reads as English rather than (possibly accentless) Vietnamese. */
/** Words accentless Vietnamese never uses on their own ("to", "do", "an", "can", "may" are Vietnamese too). */
const ENGLISH_MARKERS = new Set('the is are was were what which who whom whose does did how when where why of must should would could about under with from each every many much this that these those there their they been being into than'.split(' '));

/** A run of capitalised words ("Nậm Xe", "Pá Lếch", "Ủy ban"), apostrophes and all ("Ngàn Phố's"). */
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}']*(?:\s+\p{Lu}[\p{L}']*)*/u;
const QUOTED_OR_NAME = new RegExp(`${QUOTED.source}|${CAPITALISED_RUN.source}`, 'gu');

/**
 * An English question names Vietnamese places and bodies as they are written, diacritics and all ("in Nậm Xe",
 * "Tây Khánh's budget"): such names, capitalised runs holding a diacritic, are folded and keep their capitals
 * ("Nam Xe"), as an English writer without a Vietnamese keyboard types them. Lowercase words keep their marks:
 * a Vietnamese sentence ("Đợt mưa ở Sông Cầm …") stays Vietnamese.
 */
export function foldCapitalisedNames(question: string): string {
  // A quoted term is the corpus's own wording, kept as written.
  return question.replace(QUOTED_OR_NAME, (run) => (/^["“]/.test(run) || !/[^\x00-\x7f]/.test(run) ? run : run.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')));
}

export function looksEnglish(question: string): boolean {
  // Document numbers ("85-QĐ/TW") are written the Vietnamese way in English questions too, and so is a short
  // Vietnamese term quoted inside an English sentence (the "5 tự" image, the “3 hơn” motto), and a name.
  const unquoted = foldCapitalisedNames(question.replace(QUOTED, ' '));
  if (/[^\x00-\x7f]/.test(unquoted.replace(/[“”‘’–—…]/g, '').replace(/\S*\d\S*/g, ''))) return false;
  if (unquoted !== question) return looksEnglish(unquoted);
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!words.length) return false;
  if (words.filter((w) => ENGLISH_MARKERS.has(w)).length >= 2) return true;
  const known = words.filter((w) => STOPWORDS.has(w) || WORDS.has(w)).length;
  return known / words.length >= 0.5;
}

/** An English question read into Vietnamese: search terms, the words an answer must hold, what stayed English. */
export interface EnglishReading {
  /** Every alternative of every translation: what retrieval searches with. */
  text: string;
  /** Only each translation's first alternative: the words an answer must hold. */
  primary: string;
  /** English words the glossary does not know, kept as typed (lowercase): a gap in the glossary, not a topic the corpus lacks. */
  untranslated: string[];
  /** Vietnamese place names written without diacritics ("Cat Long"), folded and lowercase. */
  names: string[];
  /**
   * What the question is about, one entry per thing it names: a translation's alternatives ("dân số", "dân"),
   * a place name, or an English word kept as typed. Question words ("how many" → "bao nhiêu") are left out.
   */
  concepts: Concept[];
}

export interface Concept {
  /** Vietnamese wordings, any of which says it (one, for a name or an untranslated word). */
  alternatives: string[];
  /** The English word was kept as typed: the glossary does not know it. */
  untranslated?: boolean;
  /** A Vietnamese place name written without diacritics, or a capitalised word the glossary does not know. */
  name?: boolean;
  /** The English asks about a document's own facts ("signed", "take effect", "article"): no topic when the question is about the document. */
  aboutDocument?: boolean;
}

/** Glossary entries that ask rather than name ("how many", "when", "which agency"): no topic of the question. */
const ASKING = /^(how|what|which|who|whom|whose|when|where|why)\b/;

/** Nouns that name the kind of answer asked for ("what share", "by what date"): no topic of the question either. */
const ANSWER_NOUNS = new Set<string>(glossary.answerNouns);

/** Words that ask about a document's own facts (who signed it, when it takes effect, which article). */
const DOCUMENT_WORDS = new Set<string>(glossary.documentWords);

/**
 * A folded Vietnamese syllable's shape: an optional onset, one to three vowels, an optional final consonant.
 * English words rarely fit it ("party", "front", "people" do not); Vietnamese names written without
 * diacritics always do ("Cat Long", "Ha Phong", "Nghia Dan").
 */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/**
 * Place names written without diacritics: two or more capitalised words of Vietnamese syllable shape in a row
 * ("Dong Lam", "Hoa Phu commune's"). A sentence's first word is capitalised anyway: when it is an English word
 * ("Can Cat Long …"), it is no part of the name.
 */
function placeNames(question: string): string[] {
  const names: string[] = [];
  for (const m of question.matchAll(/(?<=^|[\s"“(])([A-Z][a-z]*(?:\s+[A-Z][a-z]*)+)(?='s\b|\b)/g)) {
    let words = m[1]!.split(/\s+/);
    // A run is cut where a word is no Vietnamese syllable ("Party Committee", "Son La Provincial").
    const runs: string[][] = [[]];
    for (const w of words) {
      if (VIETNAMESE_SYLLABLE.test(w.toLowerCase())) runs[runs.length - 1]!.push(w);
      else runs.push([]);
    }
    for (words of runs) {
      const atStart = words.length > 0 && question.trimStart().startsWith(words[0]!);
      if (atStart && STOPWORDS.has(words[0]!.toLowerCase())) words = words.slice(1);
      while (words.length && words[0]!.toLowerCase() === 'the') words = words.slice(1);
      if (words.length >= 2) names.push(words.join(' ').toLowerCase());
    }
  }
  return names;
}

/**
 * Reads an English question word by word into Vietnamese search terms (not prose).
 *
 * @example readEnglish('How long can a conclusion speech be?').text // 'bao lâu … kết luận phát biểu'
 */
export function readEnglish(typed: string): EnglishReading {
  const question = foldCapitalisedNames(typed);
  // Document numbers ("85-QĐ/TW") are kept as written: they are the strongest key a question has.
  const refs = question.match(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu) ?? [];
  // "party-building", "long-term": hyphenated words are translated word by word.
  let text = ` ${question.replace(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu, ' ').toLowerCase().replace(/([a-z])-(?=[a-z])/g, '$1 ').replace(/[^a-z0-9%/.,\s-]/g, ' ')} `;
  // Vietnamese place names are kept whole, folded: the corpus's names fold to the same words.
  const names = placeNames(question);
  for (const name of names) text = text.replace(` ${name}`, ' ');
  const all: string[] = [...refs, ...names];
  const primary: string[] = [...refs, ...names];
  const untranslated: string[] = [];
  const capitalised = new Set([...question.matchAll(/(?<=[^\s.?!]\s+)[A-Z][a-z]+/g)].map((m) => m[0].toLowerCase()));
  const concepts: Concept[] = names.map((name) => ({ alternatives: [name], name: true }));
  // Entries list alternatives after "|": all of them to search with, only the first as what the answer must say.
  const add = (vi: string, english?: string) => {
    all.push(vi.replace(/\|/g, ' '));
    primary.push(vi.split('|')[0]!);
    const alternatives = vi.split('|').filter((a) => a.trim());
    if (alternatives.length && !(english && (ASKING.test(english) || ANSWER_NOUNS.has(english)))) concepts.push({ alternatives, ...(english && DOCUMENT_WORDS.has(english) ? { aboutDocument: true } : {}) });
  };
  // A quoted Vietnamese term is kept as written: it is the corpus's own wording.
  for (const m of question.matchAll(QUOTED)) {
    if (!/[^\x00-\x7f]/.test(m[1]!)) continue;
    add(m[1]!);
    text = text.replace(` ${m[1]!.toLowerCase().replace(/[^a-z0-9%/.,\s-]/g, ' ')} `, ' ');
  }
  for (const [pattern, vi, english] of PHRASE_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      add(vi, english);
      text = text.replace(pattern, ' ');
    }
  }
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const clean = word.replace(/[.,]+$/, '');
    if (STOPWORDS.has(clean) && !WORDS.has(clean)) continue;
    // An inflected word the glossary lacks falls back to its stem ("broadcasters" → "broadcast", "handled" → "handle").
    const known = [clean, ...stems(clean)].find((w) => WORDS.has(w) || STOPWORDS.has(w));
    if (known && WORDS.has(known)) add(WORDS.get(known)!, known);
    else if (!known && /\d|[a-z]{3,}/.test(clean)) {
      all.push(clean);
      primary.push(clean);
      if (!/\d/.test(clean)) {
        // Capitalised inside the sentence ("… in Hanoi"), an unknown word is a name the corpus should hold, not a gap in the glossary.
        const named = capitalised.has(clean);
        if (!named) untranslated.push(clean);
        concepts.push({ alternatives: [clean], ...(named ? { name: true } : { untranslated: true }) });
      }
    }
  }
  return { text: all.join(' '), primary: primary.join(' '), untranslated, names, concepts };
}

/**
 * Word-by-word translation into Vietnamese search terms (not prose); `primary` keeps only the wording an answer must hold.
 *
 * @example translateToVietnamese('How long can a conclusion speech be?') // 'bao lâu … kết luận phát biểu'
 */
export function translateToVietnamese(question: string, options: { primary?: boolean } = {}): string {
  const reading = readEnglish(question);
  return options.primary ? reading.primary : reading.text;
}

/**
 * The Vietnamese question words an English question's shape stands for ("how many households" → "bao nhiêu hộ",
 * "by what date" → "trước ngày nào"), one per group of forms, so the question kinds read an English question as
 * they read a Vietnamese one. `closing` holds the yes/no and true/false forms: a Vietnamese question ends with them.
 */
export function englishQuestionWords(question: string): EnglishQuestionWords {
  const lower = foldCapitalisedNames(question).toLowerCase().replace(/[^a-z0-9%'\s-]/g, ' ').replace(/\s+/g, ' ').trim();
  const found = new Map<string, string>();
  let counted: string[] = [];
  for (const form of QUESTION_FORMS) {
    if (found.has(form.group)) continue;
    const m = form.pattern.exec(lower);
    if (!m) continue;
    const head = form.vi.includes('{1}') && m[1] ? headNoun(m[1]) : [];
    if (form.group === AMOUNT_GROUP) counted = head;
    found.set(form.group, form.vi.replace('{1}', head[0] ?? '').trim());
  }
  const closing = found.get(CLOSING_GROUP) ?? '';
  const amount = found.get(AMOUNT_GROUP) ?? '';
  found.delete(CLOSING_GROUP);
  // " / " keeps each form's words to itself: "bao nhiêu" of "how far" takes no unit from "ở đâu" of "where".
  return { leading: [...found.values()].join(FORM_BREAK), closing, amount, counted };
}

export interface EnglishQuestionWords {
  /** The forms a Vietnamese question would open or go on with ("bao nhiêu hộ / cơ quan nào"). */
  leading: string;
  /** The yes/no or true/false form a Vietnamese question ends with ("có được không"). */
  closing: string;
  /** The form that asks an amount, alone ("bao nhiêu hộ"): what it counts is the unit an answer must show. */
  amount: string;
  /** The wordings of what the amount form counts ("hộ", "hộ gia đình"): any of them shows the unit. */
  counted: string[];
}

/**
 * What "how many …" counts, in Vietnamese, each wording the glossary gives: the phrase it knows whole
 * ("party members" → "đảng viên"), else the English head noun, the last word ("regular meetings" → "họp":
 * Vietnamese puts the noun first). A head the glossary does not know becomes "số lượng": no Vietnamese text
 * would write the English word.
 */
function headNoun(phrase: string): string[] {
  const whole = readEnglish(phrase);
  if (whole.concepts.length === 1 && !whole.untranslated.length) return whole.concepts[0]!.alternatives;
  const head = readEnglish(phrase.trim().split(/\s+/).pop()!);
  return head.concepts.length === 1 && !head.untranslated.length ? head.concepts[0]!.alternatives : ['số lượng'];
}

/** Between question forms, and between them and a translation: no kind's pattern reads across it. */
export const FORM_BREAK = ' / ';

/** The group of forms a Vietnamese question ends with ("… có được không", "… đúng hay sai"). */
const CLOSING_GROUP = 'judge';

/** The group of forms that ask an amount ("bao nhiêu …", "bao lâu", "tỷ lệ bao nhiêu phần trăm"). */
const AMOUNT_GROUP = 'amount';

/**
 * Candidate stems of an English word, most likely first: plurals (-s, -es, -ies → -y), past forms (-ed, -d, -ied → -y,
 * doubled consonants), -ing, -ly and agent nouns (-er, -ers). Stems shorter than three letters are not tried.
 *
 * @example stems('broadcasters') // ['broadcaster', 'broadcast', ...]
 */
export function stems(word: string): string[] {
  const out: string[] = [];
  const add = (stem: string) => stem.length >= 3 && stem !== word && !out.includes(stem) && out.push(stem);
  const undouble = (stem: string) => (/([^aeious])\1$/.test(stem) ? stem.slice(0, -1) : stem);
  if (/ies$/.test(word)) add(`${word.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(word)) add(word.slice(0, -2));
  if (/[^s]s$/.test(word)) add(word.slice(0, -1));
  if (/ied$/.test(word)) add(`${word.slice(0, -3)}y`);
  if (/ed$/.test(word)) [word.slice(0, -1), word.slice(0, -2), undouble(word.slice(0, -2))].forEach(add);
  if (/ing$/.test(word)) [word.slice(0, -3), `${word.slice(0, -3)}e`, undouble(word.slice(0, -3))].forEach(add);
  if (/ly$/.test(word)) add(word.slice(0, -2));
  // Agent nouns, after the plural is gone: "broadcasters" → "broadcaster" → "broadcast"; "writers" → "write".
  for (const noun of [word, ...out].filter((w) => /[a-z]{3}ers?$/.test(w))) {
    const base = noun.replace(/ers?$/, '');
    [base, `${base}e`, undouble(base)].forEach(add);
  }
  return out;
}
