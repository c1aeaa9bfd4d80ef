/**
 * The trainer's page: choose a document or a topic, generate, review (edit or
 * remove items), export. Self-contained; document text is set with textContent only.
 */
export function briefingPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Soạn bộ câu hỏi – đáp cho báo cáo viên</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1rem; color: #1a1a1a; }
  h1 { font-size: 1.4rem; }
  form, .toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1rem; }
  label { display: flex; flex-direction: column; font-size: .9rem; }
  select, input, textarea, button { font: inherit; padding: .35rem .5rem; }
  textarea { width: 100%; box-sizing: border-box; min-height: 3rem; }
  .item { border: 1px solid #ccc; border-radius: 6px; padding: .75rem; margin: .75rem 0; }
  .item.failed { border-color: #c77; background: #fff6f6; }
  .meta { font-size: .85rem; color: #555; }
  .quote { font-style: italic; color: #333; border-left: 3px solid #aac; padding-left: .5rem; margin: .25rem 0; }
  .badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 4px; background: #eee; margin-right: .3rem; }
  .badge.warn { background: #fde2c8; }
  #status { min-height: 1.5rem; color: #444; }
  #status.error { color: #b00; }
</style>
</head>
<body>
<h1>Soạn bộ câu hỏi – đáp cho báo cáo viên</h1>
<form id="generate">
  <label>Văn bản <select id="source"><option value="">— Chọn văn bản —</option></select></label>
  <label>hoặc chủ đề <input id="topic" placeholder="ví dụ: tổ chức hội nghị" size="28"></label>
  <label>Số câu <input id="count" type="number" min="1" max="50" value="20" style="width:5rem"></label>
  <button type="submit">Tạo câu hỏi</button>
</form>
<div id="status" role="status"></div>
<div class="toolbar" id="toolbar" hidden>
  <label>Tiêu đề <input id="title" size="50"></label>
  <button data-format="docx">Xuất Word (.docx)</button>
  <button data-format="csv">Xuất Excel (.csv)</button>
  <button data-format="md">Xuất Markdown</button>
</div>
<div id="items"></div>
<script>
(function () {
  var items = [];
  var $ = function (id) { return document.getElementById(id); };
  function status(text, isError) { $('status').textContent = text; $('status').className = isError ? 'error' : ''; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  fetch('/api/documents').then(function (r) { return r.json(); }).then(function (body) {
    (body.documents || []).forEach(function (d) {
      var o = document.createElement('option');
      o.value = d.source;
      o.textContent = d.docNumber ? (d.docType || 'Văn bản') + ' số ' + d.docNumber + (d.issuer ? ' – ' + d.issuer : '') : d.title;
      $('source').appendChild(o);
    });
  });

  function render() {
    var root = $('items');
    root.replaceChildren();
    $('toolbar').hidden = items.length === 0;
    items.forEach(function (item, i) {
      var box = el('div', 'item' + (item.roundTrip === false ? ' failed' : ''));
      var head = el('div', 'meta');
      head.appendChild(el('strong', null, 'Câu ' + (i + 1) + ' '));
      if (item.roundTrip === false) head.appendChild(el('span', 'badge warn', 'chưa tự tìm lại được đoạn trích'));
      if (item.ocr) head.appendChild(el('span', 'badge warn', 'bản quét OCR – đối chiếu văn bản gốc'));
      box.appendChild(head);
      var q = el('textarea'); q.value = item.question; q.setAttribute('aria-label', 'Câu hỏi ' + (i + 1));
      q.addEventListener('input', function () { item.question = q.value; });
      box.appendChild(q);
      var a = el('textarea'); a.value = item.answer; a.setAttribute('aria-label', 'Trả lời ' + (i + 1));
      a.addEventListener('input', function () { item.answer = a.value; });
      box.appendChild(a);
      (item.citations || []).forEach(function (c) {
        box.appendChild(el('div', 'quote', c.quote));
        box.appendChild(el('div', 'meta', (c.docNumber ? 'Số ' + c.docNumber : c.title) + (c.issuer ? ', ' + c.issuer : '') + ' – mục ' + (c.section || 'mở đầu') + (c.sectionTitle ? ' – ' + c.sectionTitle : '')));
      });
      var remove = el('button', null, 'Bỏ câu này');
      remove.type = 'button';
      remove.addEventListener('click', function () { items.splice(i, 1); render(); });
      box.appendChild(remove);
      root.appendChild(box);
    });
  }

  $('generate').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = { count: Number($('count').value) || 20, keepFailures: true };
    if ($('source').value) body.source = $('source').value;
    if ($('topic').value.trim()) body.topic = $('topic').value.trim();
    status('Đang tạo câu hỏi…');
    fetch('/api/briefing', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        if (!res.ok) { status(res.json.error ? res.json.error.message : 'Không tạo được câu hỏi.', true); return; }
        items = res.json.items;
        $('title').value = res.json.title;
        var failed = items.filter(function (i) { return i.roundTrip === false; }).length;
        status('Đã tạo ' + items.length + ' câu hỏi' + (failed ? ' (' + failed + ' câu cần xem lại)' : '') + '. Sửa hoặc bỏ bớt rồi xuất tệp.');
        render();
      })
      .catch(function () { status('Không kết nối được máy chủ.', true); });
  });

  $('toolbar').addEventListener('click', function (e) {
    var format = e.target && e.target.getAttribute && e.target.getAttribute('data-format');
    if (!format) return;
    var kept = items.filter(function (i) { return i.question.trim() && i.answer.trim(); });
    fetch('/api/briefing/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: $('title').value || undefined, format: format, items: kept }) })
      .then(function (r) {
        if (!r.ok) return r.json().then(function (j) { status(j.error ? j.error.message : 'Không xuất được tệp.', true); });
        var name = (/filename="([^"]+)"/.exec(r.headers.get('content-disposition') || '') || [])[1] || 'hoi-dap.' + format;
        return r.blob().then(function (blob) {
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob); a.download = name; document.body.appendChild(a); a.click(); a.remove();
          status('Đã xuất ' + name + '.');
        });
      });
  });
})();
</script>
</body>
</html>`;
}
