/** What any ConversationStore must do (memory on Node, D1 on Workers). */
import { describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../src/answer/assistant.js';

export function conversationStoreContract(name: string, make: (maxTurns: number) => Promise<ConversationStore>): void {
  describe(`ConversationStore contract: ${name}`, () => {
    it('starts empty and returns turns in order', async () => {
      const store = await make(12);
      expect(await store.history('a')).toEqual([]);
      await store.append('a', [{ role: 'user', content: 'Câu hỏi 1' }, { role: 'assistant', content: 'Trả lời 1' }]);
      await store.append('a', [{ role: 'user', content: 'Câu hỏi 2' }]);
      expect(await store.history('a')).toEqual([
        { role: 'user', content: 'Câu hỏi 1' },
        { role: 'assistant', content: 'Trả lời 1' },
        { role: 'user', content: 'Câu hỏi 2' },
      ]);
      expect(await store.history('b')).toEqual([]);
    });

    it('keeps only the latest turns', async () => {
      const store = await make(4);
      for (let i = 1; i <= 5; i++) await store.append('c', [{ role: 'user', content: `Q${i}` }, { role: 'assistant', content: `A${i}` }]);
      expect((await store.history('c')).map((t) => t.content)).toEqual(['Q4', 'A4', 'Q5', 'A5']);
    });
  });
}
