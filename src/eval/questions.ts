/** Question sets (DESIGN §4): one JSON object a line, validated with zod. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const turn = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

export const evalCaseSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  history: z.array(turn).optional(),
  expect: z.union([
    z.object({ noanswer: z.literal(true) }),
    z.object({ sources: z.array(z.string().min(1)).min(1), answer_contains: z.array(z.string().min(1)).min(1) }),
  ]),
});

export type EvalCase = z.infer<typeof evalCaseSchema>;

export function isNoAnswer(c: EvalCase): boolean {
  return 'noanswer' in c.expect;
}

/** Parses a JSONL question set; errors name the file and line. */
export function parseQuestionSet(text: string, name = 'questions'): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not valid JSON`);
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
    cases.push(parsed.data);
  });
  return cases;
}

export async function readQuestionSet(path: string): Promise<EvalCase[]> {
  return parseQuestionSet(await readFile(path, 'utf8'), path);
}
