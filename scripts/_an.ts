import { analyzeQuery } from '../src/retrieval/query.js';
const a = analyzeQuery(process.argv[2]!);
console.log(a.question, '|', a.text, '|', a.content.map(t=>t.term).join(' '), '|', [...a.intents]);
