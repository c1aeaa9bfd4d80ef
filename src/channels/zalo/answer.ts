/**
 * What both Zalo channels do with a text message: ask the assistant in the
 * user's conversation and turn the reply into Zalo messages — or a short
 * apology when answering failed. `undefined` for an empty message.
 */
import { boundQuestion } from '../../http/validation.js';
import type { Logger } from '../../logger.js';
import { formatReply } from './format.js';
import { FAILURE, MAX_QUESTION_CHARS } from './messages.js';
import type { Asker } from './oa-channel.js';

export async function answerMessages(assistant: Asker, text: string, conversationId: string, logger: Logger, channel: 'oa' | 'bot'): Promise<string[] | undefined> {
  const question = boundQuestion(text.trim().slice(0, MAX_QUESTION_CHARS));
  if (!question) return undefined;
  try {
    return formatReply(await assistant.ask({ question, conversationId }));
  } catch (err) {
    logger.error({ err, channel: `zalo-${channel}` }, `[zalo] [${channel}] answering failed`);
    return [FAILURE];
  }
}
