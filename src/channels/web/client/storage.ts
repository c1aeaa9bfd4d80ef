/** The conversation survives reloads: kept in localStorage under one key. */
import type { Citation } from '../../../types.js';

export interface StoredMessage {
  role: 'user' | 'assistant';
  content: string;
  citations?: Citation[];
  answered?: boolean;
  question?: string;
  error?: boolean;
}

export interface StoredConversation {
  conversationId?: string;
  messages: StoredMessage[];
}

const MAX_MESSAGES = 60;

export function loadConversation(key: string): StoredConversation {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return { messages: [] };
    const parsed = JSON.parse(raw) as StoredConversation;
    return { conversationId: typeof parsed.conversationId === 'string' ? parsed.conversationId : undefined, messages: Array.isArray(parsed.messages) ? parsed.messages : [] };
  } catch {
    return { messages: [] };
  }
}

export function saveConversation(key: string, conversation: StoredConversation): void {
  try {
    const messages = conversation.messages.filter((m) => !m.error).slice(-MAX_MESSAGES);
    globalThis.localStorage?.setItem(key, JSON.stringify({ ...conversation, messages }));
  } catch {
    // storage full or disabled (private mode): the chat still works, just not across reloads
  }
}

export function clearConversation(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // ignore
  }
}
