/**
 * GET /admin: one self-contained page (HTML + vanilla JS, Vietnamese). It asks
 * for the admin token (kept in sessionStorage), then shows the analytics as
 * inline SVG charts and lets the administrator add, replace and remove
 * documents. Every server string is inserted with textContent, never as HTML.
 */
import { Hono } from 'hono';

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#8b1a1a;color:#fff;padding:12px 20px;display:flex;gap:12px;align-items:center}
header h1{font-size:18px;margin:0;flex:1}
main{max-width:1100px;margin:0 auto;padding:16px 20px}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:14px 18px;margin:0 0 16px}
h2{font-size:16px;margin:0 0 10px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px 14px}
.card b{display:block;font-size:22px}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px;border-bottom:1px solid #eceff3;vertical-align:top}
button{background:#8b1a1a;color:#fff;border:0;border-radius:6px;padding:6px 12px;cursor:pointer}
button.ghost{background:#fff;color:#8b1a1a;border:1px solid #8b1a1a}
input[type=password],input[type=text]{padding:6px 8px;border:1px solid #c5ccd4;border-radius:6px;min-width:260px}
#msg{min-height:1.5em}.err{color:#b00020}.ok{color:#176b2c}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}
[hidden]{display:none!important}
.status{min-height:1.5em;margin:.5em 0 0;font-weight:600}
.hbars{display:grid;gap:8px;margin:0;padding:0;list-style:none}
.hbar-label{display:block;overflow-wrap:anywhere;font-size:14px}
.hbar-track{display:flex;align-items:center;gap:8px}
.hbar{height:14px;border-radius:3px;min-width:2px}
.hbar-value{font-size:13px;font-variant-numeric:tabular-nums}
#upload-form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
@media (max-width:600px){
 header{padding:10px 12px}header h1{font-size:16px}
 main{padding:10px}section{padding:12px}
 input[type=password],input[type=text]{min-width:0;width:100%}
 #upload-form input[type=file]{max-width:100%}
 #docs table,#docs tbody,#docs tr,#docs td{display:block;width:100%;box-sizing:border-box}
 #docs tr:first-child{display:none}
 #docs tr{border:1px solid #dde1e6;border-radius:8px;padding:8px 10px;margin:0 0 10px}
 #docs td{border:0;padding:2px 0;overflow-wrap:anywhere}
 #docs td[data-label]:not(:empty)::before{content:attr(data-label) ": ";color:#5a6270;font-size:13px}
}`;

const SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
const SVG = 'http://www.w3.org/2000/svg';
const svgEl = (tag, attrs, text) => { const e = document.createElementNS(SVG, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = String(text); return e; };
let token = sessionStorage.getItem('vanban-admin-token') || '';

/** A message in the status line next to the action that caused it (role=status: read out by screen readers). */
function say(text, ok, where) { const m = $(where || 'msg'); m.textContent = text; m.className = 'status ' + (ok ? 'ok' : 'err'); }
/** "2026-01-21" or an ISO timestamp → "21/01/2026" (with "14:05" for timestamps): dates as the documents write them. */
function viDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
  if (!m) return iso || '';
  if (!m[4]) return m[3] + '/' + m[2] + '/' + m[1];
  const d = new Date(iso), p = (n) => String(n).padStart(2, '0');
  return p(d.getDate()) + '/' + p(d.getMonth() + 1) + '/' + d.getFullYear() + ' ' + p(d.getHours()) + ':' + p(d.getMinutes());
}

async function api(path, init) {
  init = init || {};
  init.headers = Object.assign({ authorization: 'Bearer ' + token }, init.headers || {});
  const res = await fetch(path, init);
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 || res.status === 503) { showLogin(body.error ? body.error.message : 'Cần mã quản trị.'); throw new Error('auth'); }
  if (!res.ok) throw new Error(body.error ? body.error.message : 'Lỗi ' + res.status);
  return body;
}

function showLogin(message) {
  $('login').hidden = false; $('app').hidden = true;
  if (message) { $('login-msg').textContent = message; }
}

/** Horizontal bars as HTML: each label on its own line above its bar, readable at any width. */
function bars(container, rows, color) {
  container.replaceChildren();
  if (!rows.length) { container.append(el('p', 'Chưa có dữ liệu.')); return; }
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const list = el('ul', undefined, 'hbars');
  rows.forEach(([label, value]) => {
    const bar = el('span', undefined, 'hbar'); bar.style.width = Math.max(1, (value / max) * 85) + '%'; bar.style.background = color;
    const track = el('span', undefined, 'hbar-track'); track.append(bar, el('span', value, 'hbar-value'));
    const item = el('li'); item.append(el('span', label, 'hbar-label'), track); list.append(item);
  });
  container.append(list);
}

/** Column chart per day: questions and unanswered. */
function days(container, perDay) {
  container.replaceChildren();
  if (!perDay.length) { container.append(el('p', 'Chưa có dữ liệu.')); return; }
  // Drawn at the container's own width, so its labels stay 12 px on a phone.
  const width = Math.max(280, Math.min(1000, container.clientWidth || 760)), height = 160, max = Math.max(1, ...perDay.map((d) => d.questions));
  const step = width / perDay.length, bw = Math.min(40, Math.max(4, step * 0.6)), every = Math.ceil(perDay.length / Math.max(1, Math.floor(width / 48)));
  const svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + (height + 20), width: '100%', role: 'img', 'aria-label': 'Câu hỏi theo ngày' });
  perDay.forEach((d, i) => {
    const x = i * step + (step - bw) / 2;
    const h = (height * d.questions) / max, hu = (height * d.unanswered) / max;
    const r = svgEl('rect', { x, y: height - h, width: bw, height: h, fill: '#4a78b5' }); r.append(svgEl('title', {}, viDate(d.date) + ': ' + d.questions + ' câu hỏi, ' + d.unanswered + ' chưa trả lời được')); svg.append(r);
    svg.append(svgEl('rect', { x, y: height - hu, width: bw, height: hu, fill: '#c0392b' }));
    if (i % every === 0) svg.append(svgEl('text', { x: x + bw / 2, y: height + 14, 'text-anchor': 'middle' }, viDate(d.date).slice(0, 5)));
  });
  container.append(svg);
}

function table(container, headers, rows) {
  const t = el('table'); const tr = el('tr'); headers.forEach((h) => tr.append(el('th', h))); t.append(tr);
  rows.forEach((cells) => { const r = el('tr'); cells.forEach((c, i) => { const td = el('td'); if (headers[i]) td.dataset.label = headers[i]; if (c instanceof Node) td.append(c); else td.textContent = c === undefined || c === null ? '' : String(c); r.append(td); }); t.append(r); });
  container.replaceChildren(t);
}

const pct = (x) => (x === null || x === undefined ? '—' : Math.round(x * 100) + '%');

async function loadStats() {
  const s = await api('/api/stats');
  const cards = [['Câu hỏi', s.totals.questions], ['Trả lời được', pct(s.totals.answeredRate)], ['Chưa trả lời được', s.totals.unanswered],
    ['Đánh giá hữu ích', pct(s.feedback.ratio) + ' (' + s.feedback.up + '/' + s.feedback.total + ')'], ['Thời gian TB', s.totals.avgLatencyMs === null ? '—' : s.totals.avgLatencyMs + ' ms']];
  $('cards').replaceChildren(...cards.map(([k, v]) => { const c = el('div', undefined, 'card'); c.append(el('span', k), el('b', v)); return c; }));
  bars($('most'), s.mostAsked.map((q) => [q.question, q.count]), '#4a78b5');
  bars($('unanswered'), s.unanswered.map((q) => [q.question, q.count]), '#c0392b');
  // Only documents still in the library: a removed one's old citations are history, not coverage.
  bars($('hits'), s.documentHits.filter((d) => d.indexed !== false).map((d) => [d.title || d.source, d.hits]), '#2e8b57');
  days($('days'), s.perDay);
}

async function loadDocuments() {
  const { documents } = await api('/api/documents');
  const registry = await api('/api/admin/documents').then((r) => r.documents).catch(() => []);
  const byId = new Map(registry.map((d) => [d.id, d]));
  table($('docs'), ['Văn bản', 'Số, ngày', 'Tệp', 'Cập nhật', ''], documents.map((d) => {
    const reg = byId.get(d.id) || {};
    const del = el('button', 'Xóa', 'ghost');
    del.addEventListener('click', async () => {
      if (!confirm('Xóa văn bản "' + d.source + '" khỏi kho và chỉ mục?')) return;
      say('Đang xóa ' + d.source + '…', true, 'doc-status');
      try { await api('/api/documents/' + encodeURIComponent(d.id), { method: 'DELETE' }); say('Đã xóa ' + d.source + '.', true, 'doc-status'); refresh(); } catch (e) { if (e.message !== 'auth') say(e.message, false, 'doc-status'); }
    });
    del.setAttribute('aria-label', 'Xóa ' + d.source);
    return [d.title, [d.docNumber, viDate(d.date)].filter(Boolean).join(', '), d.source, reg.uploadedAt ? viDate(reg.uploadedAt) : '', del];
  }));
}

async function refresh() {
  try { await Promise.all([loadStats(), loadDocuments()]); } catch (e) { if (e.message !== 'auth') say(e.message); }
}

$('login-form').addEventListener('submit', (ev) => {
  ev.preventDefault(); token = $('token').value.trim(); sessionStorage.setItem('vanban-admin-token', token);
  $('login').hidden = true; $('app').hidden = false; refresh();
});
$('logout').addEventListener('click', () => { sessionStorage.removeItem('vanban-admin-token'); token = ''; showLogin('Đã đăng xuất.'); });
$('upload-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const file = $('file').files[0]; if (!file) { say('Chọn một tệp .txt, .md, .docx, .pdf hoặc ảnh quét .png, .jpg.', false, 'doc-status'); return; }
  const form = new FormData(); form.append('file', file);
  say('Đang tải lên và cập nhật chỉ mục…', true, 'doc-status');
  try { const r = await api('/api/documents', { method: 'POST', body: form }); say((r.replaced ? 'Đã thay thế ' : 'Đã thêm ') + (r.document ? r.document.source : file.name) + '.', true, 'doc-status'); $('file').value = ''; refresh(); }
  catch (e) { if (e.message !== 'auth') say(e.message, false, 'doc-status'); }
});
$('reindex').addEventListener('click', async () => {
  say('Đang lập lại chỉ mục…', true, 'doc-status');
  try { const r = await api('/api/reindex', { method: 'POST' }); say('Chỉ mục: ' + r.index.documents + ' văn bản, ' + r.index.chunks + ' đoạn.', true, 'doc-status'); refresh(); } catch (e) { if (e.message !== 'auth') say(e.message, false, 'doc-status'); }
});
if (token) { $('login').hidden = true; $('app').hidden = false; refresh(); } else showLogin();
`;

function page(nonce: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Quản trị – vanban</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>${STYLE}</style></head>
<body>
<header><h1>Quản trị hệ thống hỏi đáp văn bản</h1><button id="logout" class="ghost" type="button">Đăng xuất</button></header>
<main>
<section id="login" hidden>
  <h2>Đăng nhập quản trị</h2>
  <form id="login-form"><label for="token">Mã quản trị (ADMIN_TOKEN): </label>
  <input id="token" type="password" autocomplete="current-password" required> <button type="submit">Vào</button></form>
  <p id="login-msg" class="err"></p>
</section>
<div id="app" hidden>
  <p id="msg" class="status" role="status" aria-live="polite"></p>
  <div class="cards" id="cards"></div>
  <section><h2>Câu hỏi nhiều nhất</h2><div id="most"></div></section>
  <section><h2>Câu hỏi chưa trả lời được (kho văn bản còn thiếu)</h2><div id="unanswered"></div></section>
  <section><h2>Lượt trích dẫn theo văn bản</h2><div id="hits"></div></section>
  <section><h2>Câu hỏi theo ngày (đỏ: chưa trả lời được)</h2><div id="days"></div></section>
  <section><h2>Văn bản</h2>
    <form id="upload-form"><input id="file" type="file" accept=".txt,.md,.docx,.pdf,.png,.jpg,.jpeg"> <button type="submit">Tải lên</button>
    <button id="reindex" class="ghost" type="button">Lập lại chỉ mục</button></form>
    <p id="doc-status" class="status" role="status" aria-live="polite"></p>
    <p>Tải lên tệp cùng tên sẽ thay thế văn bản cũ.</p>
    <div id="docs"></div>
  </section>
</div>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

export function adminPage(): Hono {
  const app = new Hono();
  app.get('/admin', (c) => {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    c.header('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
    return c.html(page(nonce));
  });
  return app;
}
