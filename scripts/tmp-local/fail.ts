import { loadConfig } from '../../src/config.js';
import { createNodeRuntime } from '../../src/node.js';
import { readQuestionSet } from '../../src/eval/questions.js';
import { containsExpected, normalizeForMatch } from '../../src/eval/score.js';
const [dataDir, file] = process.argv.slice(2) as [string, string];
const runtime = await createNodeRuntime({ ...loadConfig(), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { onProgress: () => undefined });
const stats: Record<string, number> = {};
for (const c of await readQuestionSet(file)) {
  if ('noanswer' in c.expect) continue;
  const { extractive, passages } = await runtime.assistant.prepare({ question: c.question, history: c.history, debug: true });
  const expected = new Set(c.expect.sources);
  const phrases = c.expect.answer_contains;
  const pass = extractive.answered && extractive.citations.some((x) => expected.has(x.source)) && containsExpected(extractive.answer, phrases);
  if (pass) continue;
  const t = extractive.trace as any;
  const has = (text: string) => phrases.some((p) => normalizeForMatch(text).includes(normalizeForMatch(p)));
  const posRank = (t?.candidates ?? []).findIndex((v: any) => expected.has(v.source) && has(v.evidence));
  const passRank = passages.findIndex((p) => expected.has(p.doc.source) && has(p.chunk.text));
  const key = `${extractive.answered ? 'wrong' : 'refused:' + extractive.reason}|cand:${posRank >= 0 ? 'yes' : t?.candidates?.length ? 'no' : 'none'}|passage:${passRank >= 0 ? (passRank < 6 ? 'top6' : 'low') : 'no'}`;
  stats[key] = (stats[key] ?? 0) + 1;
  if (process.env.V) {
    console.log(`\n${c.id} ${key} :: ${c.question}  => ${phrases[0]}`);
    if (extractive.answered) console.log('   ANSWER:', extractive.citations[0]?.quote.slice(0, 150).replace(/\n/g, ' '));
    const top = t?.candidates?.[0];
    if (top && !extractive.answered) console.log('   TOP:', top.probability.toFixed(2), JSON.stringify(Object.fromEntries(Object.entries(top.features).map(([k, v]: any) => [k, +v.toFixed(2)]))), top.text.slice(0, 120).replace(/\n/g, ' '));
    if (posRank >= 0) {
      const v = t.candidates[posRank];
      console.log(`   POS#${posRank}:`, v.probability.toFixed(2), JSON.stringify(Object.fromEntries(Object.entries(v.features).map(([k, x]: any) => [k, +x.toFixed(2)]))), v.text.slice(0, 120).replace(/\n/g, ' '));
    } else if (passRank >= 0) {
      const p = passages[passRank]!;
      const i = p.chunk.text.search(new RegExp(''));
      console.log(`   PASSAGE#${passRank}:`, p.chunk.sectionTitle.slice(0, 50), '|', p.chunk.text.slice(0, 160).replace(/\n/g, ' '), i);
    }
  }
}
console.log(stats);
process.exit(0);
