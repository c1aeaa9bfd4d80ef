/** `npm run ask -- "<question>"`: answer in the terminal with citations. */
import { loadConfig } from '../config.js';
import { createNodeRuntime } from '../node.js';
import { citationLine } from '../answer/format.js';

const question = process.argv.slice(2).join(' ').trim();
if (!question) {
  console.error('Cách dùng: npm run ask -- "Phát biểu kết luận hội nghị không quá bao nhiêu phút?"');
  process.exit(2);
}
const runtime = await createNodeRuntime({ ...loadConfig(), LOG_LEVEL: 'warn' }, { onProgress: (m) => console.error(m) });
const reply = await runtime.assistant.ask({ question });
console.log(reply.answer);
if (reply.citations.length) {
  console.log('\nNguồn:');
  for (const c of reply.citations) console.log(citationLine(c, runtime.kb.document(c.docId)?.meta));
}
console.log(`\n(${reply.mode}${reply.verification ? `, kiểm chứng: ${reply.verification}` : ''}, ${reply.tookMs} ms)`);
