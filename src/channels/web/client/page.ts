/** Entry for GET /: the full-page chat, Vietnamese with an English toggle. */
import { ApiClient } from './api.js';
import { ChatView } from './chat-view.js';
import { h } from './dom.js';
import { parseLang, type Lang } from './i18n.js';

const LANG_KEY = 'vanban:lang';
const mount = document.getElementById('vanban-app');
const api = new ApiClient(location.origin);

function currentLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl) return parseLang(fromUrl);
  try {
    return parseLang(localStorage.getItem(LANG_KEY));
  } catch {
    return 'vi';
  }
}

function render(lang: Lang, focusToggle = false): void {
  if (!mount) return;
  document.documentElement.lang = lang;
  let toggle: HTMLButtonElement | undefined;
  const view = new ChatView({
    api,
    lang,
    storageKey: 'vanban:conversation',
    headerActions: (s) => {
      toggle = h('button', { type: 'button', className: 'vb-text-button', 'data-vanban': 'lang', lang: lang === 'vi' ? 'en' : 'vi', 'aria-label': s.languageLabel, text: s.language });
      toggle.addEventListener('click', () => {
        const next: Lang = lang === 'vi' ? 'en' : 'vi';
        try {
          localStorage.setItem(LANG_KEY, next);
        } catch {
          // ignore
        }
        render(next, true);
      });
      return [toggle];
    },
  });
  document.title = view.root.querySelector('h1')?.textContent ?? document.title;
  mount.replaceChildren(view.root);
  if (focusToggle) toggle?.focus();
}

render(currentLang());
