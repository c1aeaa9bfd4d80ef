/**
 * Structure: headings (I- / II. / 1. / 2.1. / a) / (1)) into section paths such
 * as "II.2.3.b". Each section keeps its own lines, heading line included,
 * because directives often put the rule on the heading line itself.
 */
import { fold } from '../src/text/fold.js';

export interface Section {
  path: string;
  title: string;
  level: number;
  /** Titles of enclosing sections, outermost first. */
  parents: string[];
  text: string;
}

interface Heading {
  level: number;
  apply(state: PathState): void;
  rest: string;
}

interface PathState {
  roman?: string;
  arabic?: string;
  sub?: string;
  letter?: string;
  item?: string;
}

const ROMAN = /^([IVX]{1,4})\s*[.\-–]\s*(.+)$/;
const ARABIC_SUB = /^(\d{1,2})\.(\d{1,2})\.?\s+(.+)$/;
const ARABIC = /^(\d{1,2})[.)]\s+(.+)$/;
const LETTER = /^([a-hđ¢])\)\s*(.+)$/u;
const ITEM = /^\((\d{1,2})\)\s*[-–.]?\s*(.+)$/;
const RECIPIENTS = /^n[oa]i\s+nh[a-z]n\s*:/;
const APPENDIX = /^(?:stt\b|phu luc\b)/;

function parseHeading(line: string): Heading | undefined {
  let m: RegExpMatchArray | null;
  if ((m = line.match(ROMAN))) {
    const roman = m[1]!;
    return { level: 1, rest: m[2]!, apply: (s) => Object.assign(s, { roman, arabic: undefined, sub: undefined, letter: undefined, item: undefined }) };
  }
  if ((m = line.match(ARABIC_SUB))) {
    const [arabic, sub] = [m[1]!, m[2]!];
    return { level: 3, rest: m[3]!, apply: (s) => Object.assign(s, { arabic, sub, letter: undefined, item: undefined }) };
  }
  if ((m = line.match(ARABIC))) {
    const arabic = m[1]!;
    return { level: 2, rest: m[2]!, apply: (s) => Object.assign(s, { arabic, sub: undefined, letter: undefined, item: undefined }) };
  }
  if ((m = line.match(LETTER))) {
    // OCR reads "c)" as "¢)"; "đ)" is a real Vietnamese list letter.
    const letter = m[1] === '¢' ? 'c' : m[1]!;
    return { level: 4, rest: m[2]!, apply: (s) => Object.assign(s, { letter, item: undefined }) };
  }
  if ((m = line.match(ITEM))) {
    const item = `(${m[1]})`;
    return { level: 5, rest: m[2]!, apply: (s) => Object.assign(s, { item }) };
  }
  return undefined;
}

function pathOf(s: PathState): string {
  return [s.roman, s.arabic, s.sub, s.letter, s.item].filter(Boolean).join('.');
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

/** Splits cleaned text (one paragraph a line) into sections with paths. */
export function parseSections(text: string): Section[] {
  const sections: Section[] = [];
  const state: PathState = {};
  const titles = new Map<string, string>();
  let current: Section = { path: '', title: 'Phần mở đầu', level: 0, parents: [], text: '' };
  let closing = false;

  const flush = () => {
    current.text = current.text.trim();
    if (current.text) sections.push(current);
  };
  const open = (path: string, title: string, level: number) => {
    flush();
    const parents: string[] = [];
    const parts = path.split('.');
    for (let i = 1; i < parts.length; i++) {
      const parent = titles.get(parts.slice(0, i).join('.'));
      if (parent) parents.push(parent);
    }
    titles.set(path, title);
    current = { path, title, level, parents, text: '' };
  };

  for (const line of text.split('\n')) {
    const folded = fold(line.trim());
    if (RECIPIENTS.test(folded)) {
      closing = true;
      open('Nơi nhận', 'Nơi nhận', 1);
    } else if (closing && APPENDIX.test(folded) && current.path !== 'Phụ lục') {
      open('Phụ lục', 'Phụ lục', 1);
    } else if (!closing) {
      const heading = parseHeading(line.trim());
      if (heading) {
        heading.apply(state);
        open(pathOf(state), headingTitle(heading.rest), heading.level);
      }
    }
    current.text += `${line}\n`;
  }
  flush();
  return sections;
}
