/**
 * Structure: the heading systems of Vietnamese documents, in any mix, into
 * section paths and labels a cadre would write.
 *
 * - Directive system: I- / II. / 1. / 2.1. / a) / (1) → path "II.2.3.b", label "mục II.2.3.b".
 * - Documents by articles (laws, decrees, Quy chế, Quy định): Phần / Chương / Mục /
 *   Điều N. / khoản "1." / điểm "a)" → path "II.29.1.b", label "Điều 29, khoản 1, điểm b".
 * - Numbered steps ("Bước 1:") under either system.
 * - A regulation attached after a decision's signature ("QUY CHẾ … (Ban hành kèm
 *   theo Quyết định số …)") is its own tree: paths under "QC", labels "… của Quy chế kèm theo".
 *
 * Each section keeps its own lines, heading line included, because directives
 * often put the rule on the heading line itself. Every line lands in exactly one section.
 */
import { fold } from '../src/text/fold.js';
import { typeOfTitleLine } from '../src/text/document-types.js';

export interface Section {
  path: string;
  title: string;
  level: number;
  /** Titles of enclosing sections, outermost first. */
  parents: string[];
  text: string;
  /** Where it is, as a cadre writes it: "mục II.2.3.b", "Điều 29, khoản 1, điểm b". */
  label: string;
  /** Path of the enclosing article ("II.29"), for sections inside a Điều: chunks never cross it. */
  article?: string;
  /** "Điều 29. <title>": the article heading, context for every part of a long article. */
  articleHeading?: string;
}

/** Slots of a position, outermost first: a heading sets its slot and clears every later one. */
const SLOTS = ['attached', 'part', 'chapter', 'muc', 'roman', 'article', 'arabic', 'sub', 'letter', 'item', 'step'] as const;
type Slot = (typeof SLOTS)[number];
type PathState = Partial<Record<Slot, string>>;

interface Heading {
  slot: Slot;
  value: string;
  /** Extra slots set together with `slot` ("1.2." sets arabic and sub). */
  also?: PathState;
  rest: string;
  level: number;
  /** A numbered item of a list inside a numbered section (see `listItem`). */
  listItem?: boolean;
}

const PART = /^(?:Phần|PHẦN)\s+(thứ\s+\S+|THỨ\s+\S+|[IVXLC]+|\d{1,2})\b\s*[.:\-–]?\s*(.*)$/u;
const CHAPTER = /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,3})\b\s*[.:\-–]?\s*(.*)$/u;
const MUC = /^(?:Mục|MỤC)\s+(\d{1,2}|[IVX]{1,4})\b\s*[.:\-–]?\s*(.*)$/u;
const ARTICLE = /^(?:Điều|ĐIỀU)\s+(\d{1,3}[a-zđ]?)(?:\s*[.:]\s*(.*)|\s*)$/u;
const STEP = /^Bước\s+(\d{1,2})\s*[:.)\-–]\s*(.*)$/u;
const ROMAN = /^([IVX]{1,4})\s*[.\-–]\s*(.+)$/;
const ARABIC_SUB = /^(\d{1,2})\.(\d{1,2})\.?\s+(.+)$/;
const ARABIC = /^(\d{1,3})[.)]\s+(.+)$/;
const LETTER = /^([a-zđ¢])\)\s*(.+)$/u;
const ITEM = /^\((\d{1,2})\)\s*[-–.]?\s*(.+)$/;
/** "Nơi nhận:", also when a PDF split it into "N ơi nh ận:". */
const RECIPIENTS = /^n[oa]inh[a-z]n:/;
const APPENDIX = /^(?:stt\b|phu luc\b)/;
const ATTACHED_NOTE = /^\(?\s*ban hanh kem theo\b/;

/** An attached regulation's type line: a document type in capitals, alone ("QUY CHẾ", "QUY ĐỊNH"). */
function attachedType(line: string): string | undefined {
  if (line !== line.toUpperCase()) return undefined;
  const type = typeOfTitleLine(fold(line))?.type;
  return type?.attachable ? type.name : undefined;
}

/**
 * A directive number under a numbered section that restarts at "1." ("3. Thành phần hồ sơ" then "1. Đơn đề
 * nghị …", a Markdown list under a numbered heading) opens a list inside that section: siblings' numbers only
 * go up. The list goes on while its numbers follow one another; the number after the section's own closes it.
 * When both read (item 3 of the list under section 3 is followed by "4."), a line that ends as a sentence or
 * an item (".", ";", ",") goes on with the list, and a bare title line is the next section. A title in
 * capitals between the section and the "1." ("1V. NHIỆM VỤ …", a heading a scan misread) is a section the
 * parser did not know: the numbers restart under it, not inside the section before.
 */
interface ListState {
  /** Inside a list that restarted its numbers under a numbered section. */
  open: boolean;
  /** A title line in capitals came after the last heading. */
  titleSince: boolean;
}

function listItem(number: number, line: string, state: PathState, list: ListState): boolean {
  if (state.article || !state.arabic) return false;
  if (!list.open) return number === 1 && !state.sub && !list.titleSince;
  const nextItem = number === Number(state.sub) + 1;
  const nextSection = number === Number(state.arabic) + 1;
  if (nextItem && nextSection) return /[.;,]$/.test(line);
  return nextItem;
}

/** "1V. NHIỆM VỤ, GIẢI PHÁP": a line of words in capitals, as a section title is set. */
function isCapitalsTitle(line: string): boolean {
  return line.length < 120 && line === line.toUpperCase() && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line);
}

function parseHeading(line: string, state: PathState, list: ListState = { open: false, titleSince: false }): Heading | undefined {
  let m: RegExpMatchArray | null;
  if ((m = line.match(PART))) return { slot: 'part', value: `P${m[1]!.replace(/\s+/g, ' ')}`, rest: m[2]!, level: 1 };
  if ((m = line.match(CHAPTER))) return { slot: 'chapter', value: m[1]!, rest: m[2]!, level: 1 };
  if ((m = line.match(MUC))) return { slot: 'muc', value: `M${m[1]}`, rest: m[2]!, level: 2 };
  if ((m = line.match(ARTICLE))) return { slot: 'article', value: m[1]!, rest: m[2] ?? '', level: 2 };
  if ((m = line.match(STEP))) return { slot: 'step', value: `B${m[1]}`, rest: m[2]!, level: 5 };
  if ((m = line.match(ROMAN))) return { slot: 'roman', value: m[1]!, rest: m[2]!, level: 1 };
  if ((m = line.match(ARABIC_SUB))) return { slot: 'arabic', value: m[1]!, also: { sub: m[2]! }, rest: m[3]!, level: 3 };
  if ((m = line.match(ARABIC))) {
    // Directive numbering stops at two digits; a law's clauses too, but an article's may go further.
    if (m[1]!.length === 3 && !state.article) return undefined;
    if (listItem(Number(m[1]), line, state, list)) return { slot: 'sub', value: String(Number(m[1])), rest: m[2]!, level: 3, listItem: true };
    return { slot: 'arabic', value: m[1]!, rest: m[2]!, level: state.article ? 3 : 2 };
  }
  if ((m = line.match(LETTER))) {
    // OCR reads "c)" as "¢)"; "đ)" is a real Vietnamese list letter. Outside an article only a–h head directive items.
    const letter = m[1] === '¢' ? 'c' : m[1]!;
    if (!state.article && !/^[a-hđ]$/u.test(letter)) return undefined;
    return { slot: 'letter', value: letter, rest: m[2]!, level: 4 };
  }
  if ((m = line.match(ITEM))) return { slot: 'item', value: `(${m[1]})`, rest: m[2]!, level: 5 };
  return undefined;
}

function apply(state: PathState, heading: Heading): void {
  const from = SLOTS.indexOf(heading.slot);
  for (const slot of SLOTS.slice(from)) delete state[slot];
  state[heading.slot] = heading.value;
  Object.assign(state, heading.also);
}

function pathOf(s: PathState): string {
  return SLOTS.map((slot) => s[slot]).filter(Boolean).join('.');
}

/** The label a cadre writes: "Điều 29, khoản 1, điểm b", "mục II.2.3.b", "Chương II". */
export function labelOf(s: PathState): string {
  const parts: string[] = [];
  if (s.article) {
    parts.push(`Điều ${s.article}`);
    if (s.arabic) parts.push(`khoản ${s.arabic}${s.sub ? `.${s.sub}` : ''}`);
    if (s.letter) parts.push(`điểm ${s.letter}`);
    if (s.item) parts.push(`ý ${s.item}`);
  } else {
    const directive = [s.roman, s.arabic, s.sub, s.letter, s.item].filter(Boolean).join('.');
    if (s.part) parts.push(`Phần ${s.part.slice(1)}`);
    if (s.chapter) parts.push(`Chương ${s.chapter}`);
    if (s.muc) parts.push(`Mục ${s.muc.slice(1)}`);
    if (directive) parts.push(`mục ${directive}`);
  }
  if (s.step) parts.push(`bước ${s.step.slice(1)}`);
  const label = parts.join(', ');
  return s.attached ? `${label || 'phần đầu'} của ${s.attached} kèm theo` : label;
}

/** A short title for a heading line: up to its first colon, or its first words. */
export function headingTitle(rest: string): string {
  const text = rest.replace(/^[-–:\s]+/, '').trim();
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 90) return text.slice(0, colon).trim();
  if (text.length <= 90) return text.replace(/[.;,]$/, '');
  const words = text.split(/\s+/).slice(0, 10).join(' ');
  return `${words}…`;
}

/** Attached regulations' path prefix: "QC" for a Quy chế, "QĐ" for a Quy định, … */
function attachedPrefix(type: string): string {
  return type
    .split(/\s+/)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Splits cleaned text (one paragraph a line) into sections with paths. */
export function parseSections(text: string): Section[] {
  const sections: Section[] = [];
  const state: PathState = {};
  const titles = new Map<string, string>();
  let current: Section = { path: '', title: 'Phần mở đầu', level: 0, parents: [], text: '', label: 'phần mở đầu' };
  let closing = false;
  /** A "Chương I" / "Phần thứ nhất" line alone: its title is the next line. */
  let titleNext = false;
  const list: ListState = { open: false, titleSince: false };

  const flush = () => {
    current.text = current.text.trim();
    if (current.text) sections.push(current);
  };
  const open = (path: string, title: string, level: number, label: string) => {
    flush();
    const parents: string[] = [];
    const parts = path.split('.');
    for (let i = 1; i < parts.length; i++) {
      const parent = titles.get(parts.slice(0, i).join('.'));
      if (parent) parents.push(parent);
    }
    titles.set(path, title);
    current = { path, title, level, parents, text: '', label };
    if (state.article) {
      const articlePath = sectionPath({ ...state, arabic: undefined, sub: undefined, letter: undefined, item: undefined, step: undefined });
      const articleTitle = titles.get(articlePath);
      current.article = articlePath;
      current.articleHeading = articleTitle && articleTitle !== `Điều ${state.article}` ? `Điều ${state.article}. ${articleTitle}` : `Điều ${state.article}`;
    }
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const folded = fold(trimmed);
    const squeezed = `${folded}${fold(lines[i + 1]?.trim() ?? '')}`.replace(/\s+/g, '');
    const type = closing ? attachedType(trimmed) : undefined;
    if (!closing && (RECIPIENTS.test(folded.replace(/\s+/g, '')) || (trimmed.length <= 2 && RECIPIENTS.test(squeezed)))) {
      closing = true;
      for (const slot of SLOTS) delete state[slot];
      open('Nơi nhận', 'Nơi nhận', 1, 'Nơi nhận');
    } else if (type && lines.slice(i + 1, i + 6).some((l) => ATTACHED_NOTE.test(fold(l.trim())))) {
      // A regulation attached to the decision: its own tree, apart from the decision's articles.
      closing = false;
      for (const slot of SLOTS) delete state[slot];
      // The state keeps the type (labels read "của Quy chế kèm theo"); paths use its prefix.
      state.attached = type;
      open(attachedPrefix(type), type, 0, `${type} kèm theo`);
      titleNext = false;
    } else if (closing && APPENDIX.test(folded) && current.path !== 'Phụ lục') {
      for (const slot of SLOTS) delete state[slot];
      open('Phụ lục', 'Phụ lục', 1, 'Phụ lục');
    } else if (!closing && trimmed) {
      const heading = parseHeading(trimmed, state, list);
      list.titleSince = !heading && (list.titleSince || isCapitalsTitle(trimmed));
      if (heading) {
        if (heading.listItem) list.open = true;
        else if (SLOTS.indexOf(heading.slot) <= SLOTS.indexOf('sub')) list.open = false;
        apply(state, heading);
        const rest = heading.rest.trim();
        const title = rest ? headingTitle(rest) : heading.slot === 'article' ? `Điều ${heading.value}` : trimmed;
        open(sectionPath(state), title, heading.level, labelOf(state));
        titleNext = !rest && ['part', 'chapter', 'muc'].includes(heading.slot);
      } else if (titleNext) {
        // "Chương I" / "QUY ĐỊNH CHUNG": the second line is the chapter's title.
        current.title = headingTitle(trimmed);
        titles.set(current.path, current.title);
        titleNext = false;
      }
    }
    current.text += `${line}\n`;
  }
  flush();
  return sections.some((sec) => sec.path !== '' && sec.path !== 'Nơi nhận' && sec.path !== 'Phụ lục') ? sections : withParagraphs(sections);
}

/** The end of a prose letter's header: the "Kính gửi" list, else the "V/v" trích yếu. */
const ADDRESSEE = /^kinh gui\b/;
/** "TM.", "KT. CHỦ TỊCH", "T/L BAN THƯỜNG VỤ": a signature block. */
const SIGNATURE_MARK = /(?:^|[\s,])(?:T\/M|TM\.|KT\.|K\/T|TL\.|T\/L|TUQ\.)\s*\p{Lu}{2}/u;
const SUBJECT = /^v\/v\b/;

/**
 * A letter without headings (a công văn in prose): after its header, each paragraph is a
 * section of its own, "đoạn 2", so a quote says where it is and chunks follow paragraphs.
 */
function withParagraphs(sections: Section[]): Section[] {
  const opening = sections[0];
  if (!opening || opening.path !== '') return sections;
  const lines = opening.text.split('\n');
  const folded = lines.map((l) => fold(l.trim()));
  let end = folded.findIndex((l) => ADDRESSEE.test(l));
  if (end >= 0) {
    // The addressees: "- Trung tâm Y tế huyện;" lines (a scan may put blank lines between them).
    for (let next = end + 1; next < lines.length && (!lines[next]!.trim() || /^[-–~•+]/.test(lines[next]!.trim())); next++) if (lines[next]!.trim()) end = next;
  } else end = folded.findIndex((l) => SUBJECT.test(l));
  if (end < 0) return sections;
  const rest = lines.slice(end + 1).filter((l) => l.trim());
  // A scan may lose "Nơi nhận:": the signature block ("KT. CHỦ TỊCH") then closes the letter.
  const signed = rest.findIndex((l) => SIGNATURE_MARK.test(l));
  const paragraphs = signed >= 0 ? rest.slice(0, signed) : rest;
  if (paragraphs.length < 2) return sections;
  const header = { ...opening, text: lines.slice(0, end + 1).join('\n').trim() };
  const body = paragraphs.map((text, k): Section => ({ path: `đoạn ${k + 1}`, title: headingTitle(text), level: 1, parents: [], text, label: `đoạn ${k + 1}` }));
  const closing: Section[] = signed >= 0 ? [{ path: 'Nơi nhận', title: 'Nơi nhận', level: 1, parents: [], text: rest.slice(signed).join('\n'), label: 'Nơi nhận' }] : [];
  return [header, ...body, ...closing, ...sections.slice(1)];
}

/** Paths name an attached regulation by its prefix ("QC.I.5.2"), not its full type. */
function sectionPath(state: PathState): string {
  return pathOf(state.attached ? { ...state, attached: attachedPrefix(state.attached) } : state);
}
