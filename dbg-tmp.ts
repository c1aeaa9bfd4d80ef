import { loadConfig } from './src/config.js';
import { createNodeRuntime } from './src/node.js';
import { scoreSentence } from './src/retrieval/sentence-score.js';
const rt = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' });
const q = process.argv[2]!;
const p = await rt.assistant.prepare({ question: q });
console.log(p.analysis.content.map(t=>`${t.term}:${p.idf(t.term).toFixed(2)}`).join(' '), [...p.analysis.intents]);
for (const x of p.passages.slice(0, 6)) {
  console.log(x.score.toFixed(3), x.chunk.source, x.chunk.sectionTitle.slice(0,50), '|', x.chunk.text.slice(0, 150).replace(/\n/g,' '));
  for (const s of x.chunk.sentences) { const t = x.chunk.text.slice(s.start, s.end); const r = scoreSentence(t, p.analysis, p.idf, {fuzzy: x.chunk.ocr, context: x.chunk.sectionTitle}); if (r.coverage > 0.3) console.log('    ', r.score.toFixed(2), r.coverage.toFixed(2), r.exactCoverage.toFixed(2), t.slice(0,120).replace(/\n/g,' ')); }
}
process.exit(0);
