/** Loads the prompt templates from prompts/ on disk (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMPT_FILES, type PromptTemplates } from './prompts.js';

export const defaultPromptDir = join(import.meta.dirname, '..', '..', 'prompts');

export function loadPrompts(dir = defaultPromptDir): PromptTemplates {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return { answer: read(PROMPT_FILES.answer), condense: read(PROMPT_FILES.condense), translate: read(PROMPT_FILES.translate) };
}
