/**
 * Warms a freshly loaded index by asking it one question of each kind offline: the lookup tables
 * built on first use (document numbers and dates, issuer words, places, chunks per document, near
 * spellings) are then ready before the index serves. At 1000× the corpus that is ~0.3–1 s moved
 * from the first questions after a swap to the load.
 */
import type { Retriever } from '../retrieval/retriever.js';
import { Assistant } from './assistant.js';

const KINDS = [
  'Kế hoạch 22-KH/TU ban hành ngày nào?',
  'Ai ký Kế hoạch 67-KH/ĐU?',
  'Tỉnh Điện Biên tổ chức hội nghị trực tuyến chiếm ít nhất bao nhiêu phần trăm?',
  'thoi luong hoi nghi quan triet toi da bao lau',
  'Which social networks are used for propaganda?',
];

export async function warmUp(retriever: Retriever): Promise<void> {
  const assistant = new Assistant({ retriever: () => retriever });
  for (const question of KINDS) await assistant.ask({ question });
}
