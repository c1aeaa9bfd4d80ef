/**
 * De-duplication of webhook deliveries. Zalo retries when it does not get a
 * fast 200 and sends no nonce, and several server processes may each receive
 * a copy: the message id is the key, checked and recorded in one atomic step
 * in the shared store (SQLite on Node), so exactly one delivery is answered.
 */
export interface SeenMessages {
  /**
   * True for the first delivery of `key` within `windowMs`; records it. Message ids use the default window
   * (retries come within minutes); content hashes of updates without an id use a short one, so the same
   * words sent again later are answered again.
   */
  firstTime(key: string, windowMs?: number): Promise<boolean>;
}

/** How long a message id is remembered. */
export const SEEN_ID_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long an update without an id is recognised by its content. */
export const SEEN_CONTENT_WINDOW_MS = 60 * 1000;

/** A key for an update that carries no id: who sent what (hashed, so no message text is stored). */
export async function contentKey(prefix: string, ...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000')));
  return `${prefix}:${Buffer.from(digest).toString('hex').slice(0, 32)}`;
}
