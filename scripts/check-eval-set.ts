/**
 * Validates eval question sets (DESIGN §4 format): shape, unique ids, existing
 * sources, and that every expected phrase really occurs in an expected source.
 *
 * A phrase is checked against the source as the scorer sees quotes: markup
 * stripped, whitespace collapsed (`matchKey`), then accent-folded (`fold`).
 * Without this check a typo in a phrase makes a case impossible to pass.
 *
 * Usage: `tsx scripts/check-eval-set.ts [files…]` (default: data/eval/*.jsonl).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { matchKey } from '../ingest/clean.js';
import { fold } from '../src/text/fold.js';

const turnSchema = z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().min(1) });

const answerSchema = z.strictObject({
  sources: z.array(z.string().min(1)).min(1),
  answer_contains: z.array(z.string().min(1)).min(1),
});
const noAnswerSchema = z.strictObject({ noanswer: z.literal(true) });

export const evalCaseSchema = z.strictObject({
  id: z.string().min(1).regex(/^[\w.-]+$/, 'id: letters, digits, "-", "_" or "." only'),
  question: z.string().trim().min(1).max(2000),
  history: z.array(turnSchema).min(1).optional(),
  expect: z.union([answerSchema, noAnswerSchema]),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface EvalSetIssue {
  file: string;
  line: number;
  id?: string;
  message: string;
}

export interface CheckOptions {
  /** Folder holding the corpus files named in `sources`. */
  docsDir: string;
  /**
   * Files (by base name) where one matching phrase per case is enough and the
   * other alternatives are only warned about. dev.jsonl is the lead's starting
   * set, kept unchanged; it lists clean spellings ("10 phut") that an OCR
   * source never contains verbatim.
   */
  lenientFiles?: string[];
}

export interface CheckResult {
  cases: number;
  errors: EvalSetIssue[];
  warnings: EvalSetIssue[];
}

/** The form phrases are compared in: markup stripped, whitespace collapsed, folded. */
export function phraseKey(text: string): string {
  return fold(matchKey(text)).replace(/\s+/g, ' ').trim();
}

/** Checks question-set files together (ids must be unique across all of them). */
export function checkEvalFiles(files: string[], options: CheckOptions): CheckResult {
  const docCache = new Map<string, string | null>();
  const docText = (source: string): string | null => {
    if (!docCache.has(source)) {
      const path = join(options.docsDir, source);
      const ok = basename(source) === source && existsSync(path);
      docCache.set(source, ok ? phraseKey(readFileSync(path, 'utf8')) : null);
    }
    return docCache.get(source)!;
  };
  const lenient = new Set(options.lenientFiles ?? []);
  const seen = new Map<string, string>();
  const errors: EvalSetIssue[] = [];
  const warnings: EvalSetIssue[] = [];
  let cases = 0;

  for (const file of files) {
    const name = basename(file);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      const issue = (message: string, id?: string): EvalSetIssue => ({ file: name, line, id, message });
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        errors.push(issue(`not JSON: ${(error as Error).message}`));
        return;
      }
      const parsed = evalCaseSchema.safeParse(json);
      if (!parsed.success) {
        const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : undefined;
        for (const e of parsed.error.issues) errors.push(issue(`${e.path.join('.') || '(root)'}: ${e.message}`, id));
        return;
      }
      const c = parsed.data;
      cases++;
      const where = `${name}:${line}`;
      if (seen.has(c.id)) errors.push(issue(`duplicate id (first at ${seen.get(c.id)})`, c.id));
      else seen.set(c.id, where);
      if (c.history && c.history[c.history.length - 1]!.role !== 'assistant') {
        errors.push(issue('history must end with an assistant turn (the question is the next user turn)', c.id));
      }
      if (!('sources' in c.expect)) return;

      const texts: string[] = [];
      for (const source of c.expect.sources) {
        const text = docText(source);
        if (text === null) errors.push(issue(`unknown source "${source}" (not in ${options.docsDir})`, c.id));
        else texts.push(text);
      }
      if (new Set(c.expect.sources).size !== c.expect.sources.length) errors.push(issue('duplicate source', c.id));
      if (!texts.length) return;

      const missing: string[] = [];
      for (const phrase of c.expect.answer_contains) {
        if (phrase !== fold(phrase) || phrase !== phrase.trim() || /\s{2,}/.test(phrase)) {
          errors.push(issue(`phrase "${phrase}" must be accent-folded, lowercase, single-spaced`, c.id));
          continue;
        }
        if (!texts.some((t) => t.includes(phrase))) missing.push(phrase);
      }
      const found = c.expect.answer_contains.length - missing.length;
      for (const phrase of missing) {
        const message = `phrase "${phrase}" is in none of its expected sources (${c.expect.sources.join(', ')})`;
        if (lenient.has(name) && found > 0) warnings.push(issue(message, c.id));
        else errors.push(issue(message, c.id));
      }
    });
  }
  return { cases, errors, warnings };
}

/** All `*.jsonl` question sets in a folder, sorted. */
export function evalSetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

export const DEFAULT_LENIENT = ['dev.jsonl'];

function main(): void {
  const args = process.argv.slice(2);
  const files = args.length ? args.map((a) => resolve(a)) : evalSetFiles(resolve('data/eval'));
  const result = checkEvalFiles(files, { docsDir: resolve('data/docs'), lenientFiles: DEFAULT_LENIENT });
  const show = (i: EvalSetIssue) => `${i.file}:${i.line}${i.id ? ` [${i.id}]` : ''} ${i.message}`;
  for (const w of result.warnings) console.warn(`warning: ${show(w)}`);
  for (const e of result.errors) console.error(`error: ${show(e)}`);
  console.log(`${files.length} file(s), ${result.cases} case(s): ${result.errors.length} error(s), ${result.warnings.length} warning(s)`);
  process.exitCode = result.errors.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
