/**
 * Warms a freshly loaded index by asking it one question of each kind offline: the lookup tables
 * built on first use (document numbers and dates, issuer words, places, chunks per document, near
 * spellings) are then ready before the index serves. At 1000× the corpus that is ~0.3–1 s moved
 * from the first questions after a swap to the load.
 */
import type { Retriever } from '../retrieval/retriever.js';
import { Assistant } from './assistant.js';

// General questions, one per kind, naming no document of any corpus: a document number (numbers and
// dates), a signer (signing blocks), a province and a percentage (places, units), an accentless
// duration (near spellings), an English list question (the English lexicon).
const KINDS = [
  'Văn bản số 01/KH-UBND ra ngày tháng năm nào?',
  'Ai ký Quyết định số 01/QĐ-UBND?',
  'Tỉnh Hà Giang đặt chỉ tiêu tối thiểu bao nhiêu phần trăm?',
  'thoi gian to chuc toi da bao lau',
  'Which channels does the plan use to inform people?',
];

export async function warmUp(retriever: Retriever): Promise<void> {
  const assistant = new Assistant({ retriever: () => retriever });
  for (const question of KINDS) await assistant.ask({ question });
}
