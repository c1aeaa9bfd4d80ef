import { Hono } from 'hono';
import type { Assistant } from '../answer/assistant.js';
import { askRequestSchema, jsonBody } from './validation.js';

export function askRoutes(assistant: Assistant): Hono {
  const app = new Hono();
  app.post('/ask', async (c) => {
    const request = await jsonBody(c, askRequestSchema);
    return c.json(await assistant.ask(request, { signal: c.req.raw.signal }));
  });
  return app;
}
