import { Hono } from 'hono';
import type { Assistant } from '../answer/assistant.js';
import { noteReply } from './question-logging.js';
import { askRequestSchema, boundQuestion, jsonBody } from './validation.js';

export function askRoutes(assistant: Assistant): Hono {
  const app = new Hono();
  app.post('/ask', async (c) => {
    const body = await jsonBody(c, askRequestSchema);
    const request = { ...body, question: boundQuestion(body.question) };
    const reply = await assistant.ask(request, { signal: c.req.raw.signal });
    noteReply(c.req.raw, reply);
    return c.json(reply);
  });
  return app;
}
