/**
 * The chat UI, shared by the page (mounted in the document) and the widget
 * (mounted in a shadow root). Every document-derived string is set as text.
 */
import type { AskResponse, Citation } from '../../../types.js';
import { ApiError, type ApiClient } from './api.js';
import { append, clear, definitionList, h, uid } from './dom.js';
import { chipLabels, copyText, formatDate, quoteParts, sectionLabel, sourceHref } from './format.js';
import { icon } from './icons.js';
import { strings, type Lang, type Strings } from './i18n.js';
import { clearConversation, loadConversation, saveConversation, type StoredConversation, type StoredMessage } from './storage.js';

export interface ChatViewOptions {
  api: ApiClient;
  lang: Lang;
  title?: string;
  storageKey: string;
  /** Open source links in a new tab (the widget lives on someone else's page). */
  newTabLinks?: boolean;
  /** Extra header buttons (language toggle on the page, close in the widget). */
  headerActions?: (s: Strings) => HTMLElement[];
}

const HISTORY_TURNS = 10;

export class ChatView {
  readonly root: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly s: Strings;
  private readonly log: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private conversation: StoredConversation;
  private busy = false;

  constructor(private readonly options: ChatViewOptions) {
    const s = (this.s = strings(options.lang));
    this.conversation = loadConversation(options.storageKey);
    const inputId = uid('vb-input');
    const titleId = uid('vb-title');

    const newChat = h('button', { type: 'button', className: 'vb-icon-button', 'aria-label': s.newChat, title: s.newChat }, icon('plus'));
    newChat.addEventListener('click', () => this.reset());
    const header = h(
      'header',
      { className: 'vb-header' },
      h('div', { className: 'vb-heading' }, h('h1', { id: titleId, className: 'vb-title', text: options.title || s.title }), h('p', { className: 'vb-subtitle', text: s.subtitle })),
      h('div', { className: 'vb-header-actions' }, newChat, ...(options.headerActions?.(s) ?? [])),
    );

    this.log = h('div', { className: 'vb-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': titleId, tabindex: '-1' });
    this.empty = h('div', { className: 'vb-empty' }, h('p', { className: 'vb-empty-title', text: s.suggestionsTitle }));
    const list = h('ul', { className: 'vb-suggestions' });
    for (const question of s.suggestions) {
      const button = h('button', { type: 'button', className: 'vb-suggestion', 'data-vanban': 'suggestion', text: question });
      button.addEventListener('click', () => {
        this.input.focus(); // the suggestions disappear once the chat has a message
        void this.ask(question);
      });
      list.appendChild(h('li', {}, button));
    }
    this.empty.appendChild(list);

    this.input = h('textarea', { id: inputId, className: 'vb-input', 'data-vanban': 'input', rows: 2, maxlength: 2000, placeholder: s.placeholder, autocomplete: 'off', enterkeyhint: 'send' });
    this.sendButton = h('button', { type: 'submit', className: 'vb-send', 'data-vanban': 'send', text: s.send });
    const form = h('form', { className: 'vb-form' }, h('label', { for: inputId, className: 'vb-sr-only', text: s.inputLabel }), this.input, this.sendButton);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.ask(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.ask(this.input.value);
      }
    });

    this.scroller = h('div', { className: 'vb-scroll' }, this.empty, this.log);
    this.root = h(
      'section',
      { className: 'vb-chat', 'aria-labelledby': titleId, lang: options.lang },
      header,
      this.scroller,
      form,
      h('p', { className: 'vb-disclaimer', text: s.disclaimer }),
    );
    this.restore();
  }

  focus(): void {
    this.input.focus();
  }

  private restore(): void {
    let lastQuestion = '';
    for (const message of this.conversation.messages) {
      if (message.role === 'user') {
        lastQuestion = message.content;
        this.log.appendChild(this.userBubble(message.content));
      } else {
        const bubble = this.answerBubble();
        bubble.finish(message.content, message.citations ?? [], message.answered !== false, message.question ?? lastQuestion);
        this.log.appendChild(bubble.el);
      }
    }
    this.updateEmpty();
  }

  private reset(): void {
    this.conversation = { messages: [] };
    clearConversation(this.options.storageKey);
    clear(this.log);
    this.updateEmpty();
    this.input.focus();
  }

  private updateEmpty(): void {
    this.empty.hidden = this.log.childElementCount > 0;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.disabled = busy;
    this.root.setAttribute('aria-busy', String(busy));
  }

  async ask(raw: string): Promise<void> {
    const question = raw.trim();
    if (!question || this.busy) return;
    this.setBusy(true);
    this.input.value = '';
    const history = this.conversation.messages
      .filter((m) => !m.error)
      .slice(-HISTORY_TURNS)
      .map((m) => ({ role: m.role, content: m.content.slice(0, 8000) }));
    this.log.appendChild(this.userBubble(question));
    this.updateEmpty();
    const bubble = this.answerBubble();
    bubble.pending(this.s.sending);
    this.log.appendChild(bubble.el);
    bubble.el.scrollIntoView({ block: 'nearest' });

    let streamed = '';
    let citations: Citation[] = [];
    try {
      const reply: AskResponse = await this.options.api.ask(
        { question, lang: this.options.lang, ...(history.length ? { history } : {}), ...(this.conversation.conversationId ? { conversationId: this.conversation.conversationId } : {}) },
        {
          onCitations: (list) => {
            citations = list;
          },
          onToken: (text) => {
            streamed += text;
            bubble.stream(streamed, citations);
          },
        },
      );
      bubble.finish(reply.answer, reply.citations, reply.answered, question);
      this.showFromTop(bubble.el);
      this.conversation.conversationId = reply.conversationId;
      this.conversation.messages.push({ role: 'user', content: question });
      const stored: StoredMessage = { role: 'assistant', content: reply.answer, citations: reply.citations, answered: reply.answered, question };
      this.conversation.messages.push(stored);
      saveConversation(this.options.storageKey, this.conversation);
    } catch (err) {
      const message = err instanceof ApiError && err.code === 'origin_not_allowed' ? this.s.originNotAllowed : err instanceof ApiError && err.message ? err.message : this.s.error;
      bubble.el.replaceWith(h('div', { className: 'vb-msg vb-error', role: 'alert', text: message }));
    } finally {
      this.setBusy(false);
    }
  }

  /** A finished answer is read from its first line: scroll it to the top of the log (a phone shows a few lines). */
  private showFromTop(el: HTMLElement): void {
    const top = el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top + this.scroller.scrollTop;
    this.scroller.scrollTop = Math.max(0, top - 8);
  }

  private userBubble(text: string): HTMLElement {
    return h('div', { className: 'vb-msg vb-user' }, h('span', { className: 'vb-sr-only', text: `${this.s.you}: ` }), h('p', { className: 'vb-text', text }));
  }

  /** An assistant message: pending → streaming → finished with citations and actions. */
  private answerBubble() {
    const s = this.s;
    const el = h('article', { className: 'vb-msg vb-bot', 'data-vanban': 'answer', 'data-state': 'pending', 'aria-busy': 'true' });
    const label = h('span', { className: 'vb-sr-only', text: `${s.assistant}: ` });
    const body = h('div', { className: 'vb-text' });
    append(el, label, body);
    const chipToggles = new Map<number, () => void>();

    const renderText = (text: string, citations: Citation[]) => {
      clear(body);
      // "[n]" markers become buttons that open citation n; everything else stays text.
      const known = new Set(citations.map((c) => c.n));
      let last = 0;
      for (const match of text.matchAll(/\[(\d{1,2})\]/g)) {
        const n = Number(match[1]);
        if (!known.has(n)) continue;
        appendMarked(body, text.slice(last, match.index), citations, s);
        const ref = h('button', { type: 'button', className: 'vb-ref', 'aria-label': `${s.citation} ${n}`, text: `[${n}]` });
        ref.addEventListener('click', () => chipToggles.get(n)?.());
        body.appendChild(ref);
        last = (match.index ?? 0) + match[0].length;
      }
      appendMarked(body, text.slice(last), citations, s);
    };

    return {
      el,
      pending(text: string) {
        body.appendChild(h('p', { className: 'vb-pending', text }));
      },
      stream(text: string, citations: Citation[]) {
        el.setAttribute('data-state', 'streaming');
        renderText(text, citations);
      },
      finish: (answer: string, citations: Citation[], answered: boolean, question: string) => {
        el.setAttribute('data-state', 'done');
        el.removeAttribute('aria-busy');
        if (!answered) {
          el.classList.add('vb-unanswered');
          el.insertBefore(h('p', { className: 'vb-tag', text: s.notAnswered }), body);
        }
        renderText(answer, citations);
        if (citations.length) el.appendChild(this.citationList(citations, chipToggles));
        el.appendChild(this.actions(answer, citations, question));
      },
    };
  }

  private citationList(citations: Citation[], toggles: Map<number, () => void>): HTMLElement {
    const s = this.s;
    const headingId = uid('vb-sources');
    const list = h('ol', { className: 'vb-citations', 'aria-labelledby': headingId });
    const labels = chipLabels(citations, s);
    for (const [i, c] of citations.entries()) {
      const detailId = uid('vb-cite');
      const chip = h(
        'button',
        { type: 'button', className: 'vb-chip', 'data-vanban': 'citation', 'aria-expanded': 'false', 'aria-controls': detailId },
        h('span', { className: 'vb-chip-n', text: String(c.n) }),
        h('span', { className: 'vb-chip-label', text: labels[i] }),
        c.ocr ? h('span', { className: 'vb-badge', text: s.ocrBadge }) : null,
      );
      const meta = definitionList('vb-meta', [
        [s.docNumber, c.docNumber],
        [s.issuer, c.issuer],
        [s.date, formatDate(c.date)],
        [s.section, sectionLabel(c, s)],
        // A title restored for reading keeps the scanned one in view (the quote below is the scan).
        [s.scannedTitle, c.sectionTitleRaw],
      ]);
      const link = h('a', { className: 'vb-source-link', href: sourceHref(this.options.api.base, c), text: s.openSource });
      if (this.options.newTabLinks) {
        link.target = '_blank';
        link.rel = 'noopener';
      }
      const detail = h(
        'div',
        { id: detailId, className: 'vb-cite-detail', 'data-vanban': 'citation-detail', hidden: true },
        h('p', { className: 'vb-cite-title', text: c.title }),
        meta,
        c.ocr ? h('p', { className: 'vb-ocr-note' }, h('span', { className: 'vb-badge', text: s.ocrBadge }), ' ', s.ocrNote) : null,
        ...excerpt(c, s),
        link,
      );
      const toggle = () => {
        const open = chip.getAttribute('aria-expanded') !== 'true';
        chip.setAttribute('aria-expanded', String(open));
        detail.hidden = !open;
        if (open) chip.focus();
      };
      chip.addEventListener('click', toggle);
      toggles.set(c.n, toggle);
      list.appendChild(h('li', { className: 'vb-cite' }, chip, detail));
    }
    return h('div', { className: 'vb-sources' }, h('p', { id: headingId, className: 'vb-sources-title', text: s.sources }), list);
  }

  private actions(answer: string, citations: Citation[], question: string): HTMLElement {
    const s = this.s;
    const status = h('span', { className: 'vb-action-status', role: 'status' });
    const vote = (rating: 'up' | 'down', label: string) => {
      const button = h('button', { type: 'button', className: 'vb-icon-button', 'data-vanban': `feedback-${rating}`, 'aria-label': label, title: label, 'aria-pressed': 'false' }, icon(rating));
      button.addEventListener('click', async () => {
        for (const b of group.querySelectorAll('[aria-pressed]')) b.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        try {
          await this.options.api.feedback({
            rating,
            ...(this.conversation.conversationId ? { conversationId: this.conversation.conversationId } : {}),
            question: question.slice(0, 2000),
            answer: answer.slice(0, 20000),
            sources: [...new Set(citations.map((c) => c.source))].slice(0, 20),
          });
          status.textContent = s.thanks;
        } catch {
          button.setAttribute('aria-pressed', 'false');
          status.textContent = s.feedbackFailed;
        }
      });
      return button;
    };
    const copy = h('button', { type: 'button', className: 'vb-icon-button', 'data-vanban': 'copy', 'aria-label': s.copy, title: s.copy }, icon('copy'));
    copy.addEventListener('click', async () => {
      status.textContent = (await copyToClipboard(copyText(answer, citations, s), this.root)) ? s.copied : s.copyFailed;
    });
    const group = h('div', { className: 'vb-actions' }, vote('up', s.helpful), vote('down', s.notHelpful), copy, status);
    return group;
  }
}

/** The answering clause, as the reader sees it: marked, its purpose in the title. */
function answeringMark(text: string, s: Strings): HTMLElement {
  // No hidden label inside: the quote's text must stay exactly the quote (copy, find); <mark> is announced as a highlight.
  return h('mark', { className: 'vb-span', 'data-vanban': 'span', title: s.answering, text });
}

/** Text with each quote's answering clause marked: a quote the answer holds verbatim gets its span as a <mark>. */
function appendMarked(parent: HTMLElement, text: string, citations: Citation[], s: Strings): void {
  let rest = text;
  for (const c of citations) {
    const [before, answering] = quoteParts(c);
    if (!answering) continue;
    const at = rest.indexOf(c.quote);
    if (at < 0) continue;
    const from = at + before.length;
    append(parent, rest.slice(0, from), answeringMark(answering, s));
    rest = rest.slice(from + answering.length);
  }
  append(parent, rest);
}

/**
 * The excerpt in a citation's detail, its answering clause marked. An OCR quote with a restored `reading`
 * shows the reading first, labelled as machine-made, and the scan text beside it for checking.
 */
function excerpt(c: Citation, s: Strings): HTMLElement[] {
  const [before, answering, after] = quoteParts(c);
  const quote = h('blockquote', { className: 'vb-quote', 'data-vanban': 'quote' }, before, answering ? answeringMark(answering, s) : null, after);
  if (!c.reading) return [quote];
  return [
    h('p', { className: 'vb-reading-label', text: s.reading }),
    h('blockquote', { className: 'vb-quote vb-reading', 'data-vanban': 'reading', text: c.reading }),
    h('p', { className: 'vb-reading-label', text: s.scanText }),
    quote,
  ];
}

async function copyToClipboard(text: string, host: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers or no permission: a hidden textarea and execCommand.
    const area = h('textarea', { className: 'vb-sr-only', readonly: true });
    area.value = text;
    host.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
