/**
 * Entry for GET /widget.js. One script tag adds a floating launcher that opens
 * the chat in an open shadow root, so host CSS and widget CSS never mix.
 *   <script src="https://host/widget.js" defer data-title data-lang="vi|en"
 *           data-position="left|right" data-primary-color data-api></script>
 */
import { ApiClient } from './api.js';
import { ChatView } from './chat-view.js';
import { h } from './dom.js';
import { icon } from './icons.js';
import { parseLang, strings } from './i18n.js';
import { chatCss, widgetCss } from './styles.js';

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const all = document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return all[all.length - 1] ?? null;
}

function safeColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return typeof CSS !== 'undefined' && CSS.supports('color', value) ? value : undefined;
}

function start(script: HTMLScriptElement | null): void {
  if (document.querySelector('[data-vanban-widget]')) return; // loaded twice
  const data = script?.dataset ?? {};
  const lang = parseLang(data.lang);
  const s = strings(lang);
  const apiBase = data.api || (script?.src ? new URL(script.src, location.href).origin : location.origin);
  const position = data.position === 'left' ? 'left' : 'right';
  const color = safeColor(data.primaryColor);

  const host = h('div', { 'data-vanban-widget': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = chatCss + widgetCss;

  const launcher = h('button', { type: 'button', className: 'vbw-launcher', 'data-vanban': 'launcher', 'aria-label': s.open, 'aria-expanded': 'false', title: data.title || s.title }, icon('chat', 30));
  const close = h('button', { type: 'button', className: 'vb-icon-button', 'data-vanban': 'close', 'aria-label': s.close, title: s.close }, icon('close'));
  let apiHost = apiBase;
  try {
    apiHost = new URL(apiBase).host;
  } catch {
    // relative or malformed data-api: keep as given
  }
  const view = new ChatView({
    api: new ApiClient(apiBase),
    lang,
    title: data.title,
    storageKey: `vanban:widget:${apiHost}`,
    newTabLinks: true,
    headerActions: () => [close],
  });
  const panel = h('div', { className: 'vbw-panel', role: 'dialog', 'aria-modal': 'false', 'aria-label': data.title || s.title, hidden: true }, view.root);
  launcher.setAttribute('aria-controls', 'vbw-panel');
  panel.id = 'vbw-panel';
  if (color) {
    launcher.style.setProperty('--vb-primary', color);
    view.root.style.setProperty('--vb-primary', color);
  }

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) view.focus();
    else launcher.focus();
  };
  launcher.addEventListener('click', () => setOpen(panel.hidden !== false));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });

  shadow.append(style, h('div', { className: `vbw-root vbw-${position}`, lang }, panel, launcher));
  document.body.appendChild(host);
}

const script = ownScript();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(script));
else start(script);
