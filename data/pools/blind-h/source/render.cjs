// Render a clean .txt as a slightly skewed, soft, tinted printed page (PNG) for OCR:
//   node render.cjs in.txt out.png <font> <rotateDeg> <blurPx> <bg> [stamp]
//   then: tesseract out.png ocr -l vie
// Lines starting with "|" are drawn as a bordered table row.
const { chromium } = require('/work/main/node_modules/playwright-core');
const fs = require('fs');
(async () => {
  const [inp, out, font, rot, blur, bg, stamp] = process.argv.slice(2);
  const esc = s => s.replace(/&/g,'&amp;').replace(/</g,'&lt;');
  const lines = fs.readFileSync(inp, 'utf8').split('\n');
  let html = '', inTable = false;
  for (const l of lines) {
    if (l.startsWith('|')) {
      if (!inTable) { html += '<table style="border-collapse:collapse;width:100%;margin:4px 0">'; inTable = true; }
      const cells = l.split('|').slice(1, -1).map(c => c.trim());
      html += '<tr>' + cells.map(c => `<td style="border:1px solid #555;padding:2px 5px">${esc(c)}</td>`).join('') + '</tr>';
      continue;
    }
    if (inTable) { html += '</table>'; inTable = false; }
    html += `<div style="min-height:1em;white-space:pre-wrap;text-align:justify">${esc(l)}</div>`;
  }
  if (inTable) html += '</table>';
  const stampHtml = stamp ? `<div style="position:absolute;right:90px;bottom:40px;width:150px;height:150px;border:4px solid rgba(190,40,40,0.28);border-radius:50%;"></div>` : '';
  const page = `<html><body style="margin:0;background:${bg}"><div style="position:relative;font-family:${font};font-size:15px;line-height:1.45;width:760px;padding:40px 50px;background:${bg};color:#222;transform:rotate(${rot}deg);transform-origin:0 0;filter:blur(${blur}px) contrast(0.9)">${html}${stampHtml}</div></body></html>`;
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 880, height: 1200 }, deviceScaleFactor: 1.35 });
  await p.setContent(page);
  await p.screenshot({ path: out, fullPage: true });
  await b.close();
})();
