/**
 * Prompt templates (files in prompts/). A template is a system part and a user
 * part separated by a `<!-- user -->` line; `{{name}}` slots are filled in one
 * pass, so text inside a question can never expand into another slot.
 * Runtime-neutral: Node reads the files (prompts-node.ts), a Worker bundles the strings.
 */
export interface PromptTemplates {
  answer: string;
  condense: string;
  translate: string;
}

export const PROMPT_FILES: Record<keyof PromptTemplates, string> = {
  answer: 'answer.md',
  condense: 'condense-follow-up.md',
  translate: 'translate-query.md',
};

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function renderPrompt(template: string, vars: Record<string, string>): ChatMessage[] {
  const [system, user = ''] = template.split(/^<!-- user -->\s*$/m);
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => vars[name] ?? slot).trim();
  return [
    { role: 'system', content: fill(system!) },
    { role: 'user', content: fill(user) },
  ];
}
