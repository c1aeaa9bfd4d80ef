// Render a clean .txt as a slightly skewed, soft, off-white printed page (PNG) for OCR:
//   node render.cjs in.txt out.png && tesseract out.png ocr -l vie
const { chromium } = require('/work/main/node_modules/playwright-core');
const fs = require('fs');
(async () => {
  const [inp, out] = process.argv.slice(2);
  const esc = s => s.replace(/&/g,'&amp;').replace(/</g,'&lt;');
  const lines = fs.readFileSync(inp, 'utf8').split('\n');
  const html = `<html><body style="font-family:'DejaVu Serif','Liberation Serif',serif;font-size:15px;line-height:1.45;width:760px;padding:40px 50px;background:#f4f1ea;color:#222;transform:rotate(0.6deg);transform-origin:0 0;filter:blur(0.55px) contrast(0.85)">` +
    lines.map(l => `<div style="min-height:1em;text-align:justify">${esc(l)}</div>`).join('') + `</body></html>`;
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 860, height: 1200 }, deviceScaleFactor: 1.25 });
  await p.setContent(html);
  await p.screenshot({ path: out, fullPage: true });
  await b.close();
})();
