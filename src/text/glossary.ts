/**
 * English → Vietnamese domain glossary, so English questions work offline.
 * With an LLM configured, translation is the model's job (prompts/translate-query.md).
 */
import { PHRASES, WORDS } from './glossary-words.js';

/**
 * The phrases as patterns, compiled once, longest first so "no forbidden zones" wins over "forbidden zones"
 * ("province-wide" matches "province wide" and "people's" matches "people s": the question is split the same way).
 */
const PHRASE_PATTERNS: Array<[RegExp, string]> = PHRASES.map(([phrase, vi]): [string[], string] => [phrase.split(/[\s'-]+/), vi])
  .sort((a, b) => b[0].length - a[0].length)
  .map(([words, vi]) => [new RegExp(`(?<=\\s)${words.join('\\s+')}(?=[\\s.,])`, 'g'), vi]);

const STOPWORDS = new Set(
  'a an the is are was were be can could should must may might do does did of for to in on at by with and or about from per each every it its this that these those there their they i we you he she how what which who when where why long many much be been being into as than not no any under have has had will shall what\'s s one also only just ever here both some other such own same so too very then now get gets got take takes taken make makes made need needs say says said tell told give given go goes come comes keep kept put'.split(' ')
    // Words that ask about a document without naming a topic ("what does the plan state", "which regulation is cited").
    .concat('state states stated mention mentions mentioned cite cites cited according accordingly number numbers where list lists listed include includes included including contain contains contained specify specifies specified describe describes described regarding concerning regard regards within outline outlines outlined set lay laid write written text mean means meant show shows find found look please exactly specifically particular particularly especially actually really would like know kind kinds type types sort thing things point points item items anything something everything whether if whom whose among toward towards upon onto all any there here way called name names named naming titled refer refers referred want wants done happen happens happened commit commits committed over aloud'.split(' ')),
);

/** A short quoted term ("5 tự", “3 hơn”): up to four words between straight or curly double quotes. */
const QUOTED = /["“]([^"“”\s]+(?:\s+[^"“”\s]+){0,3})["”]/g;

/** True when a question reads as English rather than (possibly accentless) Vietnamese. */
/** Words accentless Vietnamese never uses on their own ("to", "do", "an", "can", "may" are Vietnamese too). */
const ENGLISH_MARKERS = new Set('the is are was were what which who whom whose does did how when where why of must should would could about under with from each every many much this that these those there their they been being into than'.split(' '));

export function looksEnglish(question: string): boolean {
  // Document numbers ("85-QĐ/TW") are written the Vietnamese way in English questions too, and so is a short
  // Vietnamese term quoted inside an English sentence (the "5 tự" image, the “3 hơn” motto).
  const unquoted = question.replace(QUOTED, ' ');
  if (/[^\x00-\x7f]/.test(unquoted.replace(/[“”‘’–—…]/g, '').replace(/\S*\d\S*/g, ''))) return false;
  if (unquoted !== question) return looksEnglish(unquoted);
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!words.length) return false;
  if (words.filter((w) => ENGLISH_MARKERS.has(w)).length >= 2) return true;
  const known = words.filter((w) => STOPWORDS.has(w) || w in WORDS).length;
  return known / words.length >= 0.5;
}

/**
 * Word-by-word translation into Vietnamese search terms (not prose).
 *
 * @example translateToVietnamese('How long can a conclusion speech be?') // 'bao lâu … kết luận phát biểu'
 */
export function translateToVietnamese(question: string, options: { primary?: boolean } = {}): string {
  // Entries list alternatives after "|": all of them to search with, only the first as what the answer must say.
  const pick = (vi: string) => (options.primary ? vi.split('|')[0]! : vi.replace(/\|/g, ' '));
  // Document numbers ("85-QĐ/TW") are kept as written: they are the strongest key a question has.
  const refs = question.match(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu) ?? [];
  // "party-building", "long-term": hyphenated words are translated word by word.
  let text = ` ${question.replace(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu, ' ').toLowerCase().replace(/([a-z])-(?=[a-z])/g, '$1 ').replace(/[^a-z0-9%/.,\s-]/g, ' ')} `;
  // Vietnamese place names written without diacritics ("Son La", "Dien Bien", "Tam Duong") are kept whole:
  // two or more capitalised words the glossary does not know ("La" would otherwise drop as too short).
  // Known words around the name are dropped ("Which Son La Directive" names "Son La").
  const unknown = (w: string) => !WORDS[w.toLowerCase()] && !STOPWORDS.has(w.toLowerCase());
  const names = [...question.matchAll(/(?<=\s|^)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)(?='s\b|\b)/g)]
    .map((m) => m[1]!.split(/\s+/))
    .map((words) => words.slice(Math.max(0, words.findIndex(unknown))))
    .map((words) => words.slice(0, words.findIndex((w) => !unknown(w)) >>> 0))
    .filter((words) => words.length >= 2)
    .map((words) => words.join(' '));
  for (const name of names) text = text.replace(` ${name.toLowerCase()}`, ' ');
  const out: string[] = [...refs, ...names.map((n) => n.toLowerCase())];
  // A quoted Vietnamese term is kept as written: it is the corpus's own wording.
  for (const m of question.matchAll(QUOTED)) {
    if (!/[^\x00-\x7f]/.test(m[1]!)) continue;
    out.push(m[1]!);
    text = text.replace(` ${m[1]!.toLowerCase().replace(/[^a-z0-9%/.,\s-]/g, ' ')} `, ' ');
  }
  for (const [pattern, vi] of PHRASE_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      out.push(pick(vi));
      text = text.replace(pattern, ' ');
    }
  }
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const clean = word.replace(/[.,]+$/, '');
    if (STOPWORDS.has(clean) && !WORDS[clean]) continue;
    // An inflected word the glossary lacks falls back to its stem ("broadcasters" → "broadcast", "handled" → "handle").
    const known = [clean, ...stems(clean)].find((w) => WORDS[w] !== undefined || STOPWORDS.has(w));
    if (known && WORDS[known]) out.push(pick(WORDS[known]!));
    else if (!known && /\d|[a-z]{3,}/.test(clean)) out.push(clean);
  }
  return out.join(' ');
}

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
