/** `npm run explain -- "<question>"`: how a question was analysed, retrieved and scored (a developer's view). */
import { extractiveAnswer } from '../src/answer/extractive.js';
import { loadConfig } from '../src/config.js';
import { createNodeRuntime } from '../src/node.js';
import { analyzeQuery } from '../src/retrieval/query.js';
import { chunkTokens, documentTokens } from '../src/retrieval/sentence-cache.js';
import { scoreSentence } from '../src/retrieval/sentence-score.js';

const args = process.argv.slice(2);
const historyAt = args.indexOf('--history');
const history = historyAt >= 0 ? [{ role: 'user' as const, content: args.splice(historyAt, 2)[1]! }] : undefined;
const question = args.join(' ').trim();
const runtime = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' });
const retriever = runtime.kb.retriever();
const analysis = analyzeQuery(question, history, retriever.knows);
console.log('text:', analysis.text.replace(/\n/g, ' | '), ' intents:', [...analysis.intents].join(','));
console.log('content:', analysis.content.map((t) => `${t.term}:${t.weight}/${retriever.idf(t.term).toFixed(1)}`).join(' '));
const passages = await retriever.retrieve(analysis, {});
for (const p of passages.slice(0, 6)) {
  const { sentences, context } = chunkTokens(p.chunk);
  const scored = p.chunk.sentences.map((s, i) => ({ i, text: p.chunk.text.slice(s.start, s.end), ...scoreSentence(sentences[i]!, analysis, retriever.idf, { context, document: documentTokens(p.doc), fuzzy: p.chunk.ocr, near: retriever.near, known: retriever.corpus.knownWords, accents: !p.chunk.ocr }) }));
  scored.sort((a, b) => b.score - a.score);
  console.log(`\n[${p.score.toFixed(2)}] ${p.doc.id} §${p.chunk.section} ${p.chunk.sectionTitle.slice(0, 60)}`);
  for (const s of scored.slice(0, 2)) console.log(`   ${s.score.toFixed(2)} cov ${s.coverage.toFixed(2)} exact ${s.exactCoverage.toFixed(2)}: ${s.text.slice(0, 160).replace(/\n/g, ' ')}`);
}
// The sentence candidates the extractive answer chose from (same inputs as Assistant.prepare).
extractiveAnswer(analysis, passages, retriever.idf, retriever.corpus.list(), {
  corpus: retriever.corpus,
  near: retriever.near,
  trace: (candidates) => {
    console.log('\ncandidates (score, coverage, exact, pairs, passage):');
    for (const c of candidates.slice(0, 8)) console.log(`  ${c.score.toFixed(3)} cov ${c.coverage.toFixed(2)} ex ${c.exactCoverage.toFixed(2)} p ${c.pairs} ps ${c.passageScore}: ${c.text.slice(0, 110).replace(/\n/g, ' ')}`);
  },
});
const reply = await runtime.assistant.ask({ question, history });
console.log('\n=> answered:', reply.answered, '\n' + reply.answer);
process.exit(0);
