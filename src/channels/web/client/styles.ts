/** Chat styles, shared by the page (served as /assets/chat.css) and the widget (inside its shadow root). */
export const chatCss = `
.vb-chat{--vb-primary:#a4161a;--vb-on-primary:#fff;--vb-text:#1a1a1a;--vb-muted:#4a4a4a;--vb-bg:#fff;--vb-soft:#f4f1ee;--vb-border:#c9c3bd;--vb-focus:#0b57d0;
 display:flex;flex-direction:column;height:100%;min-height:0;background:var(--vb-bg);color:var(--vb-text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;box-sizing:border-box}
.vb-chat *,.vb-chat *::before,.vb-chat *::after{box-sizing:inherit}
.vb-sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.vb-chat :focus-visible{outline:3px solid var(--vb-focus);outline-offset:2px}
.vb-header{display:flex;align-items:flex-start;gap:.5em;padding:.75em 1em;background:var(--vb-primary);color:var(--vb-on-primary)}
.vb-heading{flex:1;min-width:0}
.vb-title{margin:0;font-size:1.125em;line-height:1.3;font-weight:700}
.vb-subtitle{margin:.125em 0 0;font-size:.8125em;opacity:.95}
.vb-header-actions{display:flex;gap:.25em;flex-shrink:0}
.vb-header .vb-icon-button,.vb-header .vb-text-button{color:var(--vb-on-primary);border-color:rgba(255,255,255,.7);background:transparent}
.vb-icon-button,.vb-text-button{display:inline-grid;place-items:center;min-width:44px;min-height:44px;padding:.25em .5em;border:1px solid var(--vb-border);border-radius:8px;background:var(--vb-bg);color:var(--vb-text);font:inherit;cursor:pointer}
.vb-text-button{font-size:.875em}
.vb-icon-button[aria-pressed="true"]{background:var(--vb-soft);border-color:var(--vb-primary);box-shadow:inset 0 0 0 1px var(--vb-primary)}
.vb-scroll{flex:1;min-height:0;overflow-y:auto;padding:1em;-webkit-overflow-scrolling:touch}
.vb-empty-title{margin:0 0 .5em;color:var(--vb-muted);font-weight:600}
.vb-suggestions{list-style:none;margin:0;padding:0;display:grid;gap:.5em}
.vb-suggestion{width:100%;text-align:left;padding:.625em .75em;border:1px solid var(--vb-border);border-radius:10px;background:var(--vb-soft);color:var(--vb-text);font:inherit;cursor:pointer}
.vb-suggestion:hover{border-color:var(--vb-primary)}
.vb-log{display:flex;flex-direction:column;gap:.75em}
.vb-log:focus{outline:none}
.vb-msg{max-width:100%;padding:.625em .875em;border-radius:12px;overflow-wrap:anywhere}
.vb-user{align-self:flex-end;max-width:85%;background:var(--vb-primary);color:var(--vb-on-primary)}
.vb-bot{align-self:stretch;background:var(--vb-soft);border:1px solid var(--vb-border)}
.vb-error{align-self:stretch;background:#fdecea;color:#7a1010;border:1px solid #e5a3a3}
.vb-text{margin:0;white-space:pre-wrap}
.vb-pending{margin:0;color:var(--vb-muted);font-style:italic}
.vb-tag{display:inline-block;margin:0 0 .375em;padding:0 .5em;border-radius:999px;background:#fff3cd;color:#5c4400;font-size:.8125em;font-weight:600}
.vb-ref{padding:0 .125em;border:0;background:none;color:var(--vb-primary);font:inherit;font-weight:700;cursor:pointer;text-decoration:underline}
.vb-sources{margin-top:.625em}
.vb-sources-title{margin:0 0 .25em;font-size:.8125em;font-weight:600;color:var(--vb-muted)}
.vb-citations{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.375em}
.vb-chip{display:inline-flex;align-items:center;gap:.375em;max-width:100%;min-height:36px;padding:.25em .625em .25em .25em;border:1px solid var(--vb-border);border-radius:999px;background:var(--vb-bg);color:var(--vb-text);font:inherit;font-size:.875em;cursor:pointer;text-align:left}
.vb-chip[aria-expanded="true"]{border-color:var(--vb-primary)}
.vb-chip-n{display:inline-grid;place-items:center;min-width:1.75em;height:1.75em;border-radius:999px;background:var(--vb-primary);color:var(--vb-on-primary);font-weight:700;font-size:.8125em}
.vb-chip-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.vb-badge{display:inline-block;padding:0 .375em;border-radius:4px;background:#5c4400;color:#fff;font-size:.6875em;font-weight:700;letter-spacing:.03em}
.vb-cite-detail{margin:.375em 0 .25em;padding:.625em .75em;border-left:4px solid var(--vb-primary);background:var(--vb-bg);border-radius:0 8px 8px 0;font-size:.9375em}
.vb-cite-detail[hidden]{display:none}
.vb-cite-title{margin:0 0 .375em;font-weight:700}
.vb-meta{display:grid;grid-template-columns:auto 1fr;gap:.125em .5em;margin:0 0 .5em;font-size:.875em}
.vb-meta dt{color:var(--vb-muted)}
.vb-meta dd{margin:0}
.vb-ocr-note{margin:0 0 .5em;padding:.375em .5em;background:#fff3cd;color:#3d2e00;border-radius:6px;font-size:.8125em}
.vb-quote{margin:0 0 .5em;padding:0;white-space:pre-wrap;font-style:italic}
.vb-quote::before{content:"“"}.vb-quote::after{content:"”"}
.vb-span{background:#ffe58f;color:inherit;font-weight:700;font-style:normal;padding:0 .0625em;border-radius:2px;box-shadow:0 0 0 1px #d4a800}
.vb-reading-label{margin:0 0 .125em;font-size:.75em;font-weight:700;color:var(--vb-muted);text-transform:uppercase;letter-spacing:.03em}
.vb-reading{font-style:normal}
.vs-reading{margin:0 0 .5em;padding:0;white-space:pre-wrap}.vs-label{margin:.25em 0;font-size:.8125rem;color:#5f5f5f}
.vb-source-link{color:var(--vb-focus);font-size:.875em}
.vb-actions{display:flex;align-items:center;flex-wrap:wrap;gap:.375em;margin-top:.5em}
.vb-action-status{font-size:.8125em;color:var(--vb-muted)}
.vb-form{display:flex;gap:.5em;padding:.625em .75em;border-top:1px solid var(--vb-border);background:var(--vb-bg)}
.vb-input{flex:1;min-width:0;min-height:44px;max-height:8em;padding:.5em .625em;border:1px solid #8a847e;border-radius:10px;font:inherit;color:var(--vb-text);background:var(--vb-bg);resize:vertical}
.vb-send{min-width:64px;min-height:44px;padding:0 1em;border:0;border-radius:10px;background:var(--vb-primary);color:var(--vb-on-primary);font:inherit;font-weight:700;cursor:pointer}
.vb-send:disabled{opacity:.6;cursor:progress}
.vb-disclaimer{margin:0;padding:0 .75em .5em;font-size:.75em;color:var(--vb-muted);background:var(--vb-bg)}
@media (max-width:600px){.vb-header{align-items:center;padding:.375em .5em .375em .75em}.vb-title{font-size:1em}.vb-subtitle{display:none}
 .vb-header .vb-icon-button,.vb-header .vb-text-button{min-height:40px;min-width:40px}.vb-scroll{padding:.625em}
 .vb-form{padding:.375em .5em}.vb-input{min-height:44px;height:44px;padding:.5em}.vb-disclaimer{padding:0 .75em .25em;font-size:.6875em;line-height:1.3}}
@media (min-width:768px){.vb-scroll{padding:1.25em 1.5em}.vb-user{max-width:70%}}
@media (prefers-reduced-motion:no-preference){.vb-chat{scroll-behavior:smooth}}
`;

/** Page chrome around the chat view (only on GET / and the source view). */
export const pageCss = `
html,body{height:100%;margin:0}
body{background:#e9e4df;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
#vanban-app{height:100%;max-width:56rem;margin:0 auto;box-shadow:0 0 0 1px #d2cbc4}
.vb-skip{position:absolute;left:-999px;top:0;padding:.5rem;background:#fff;color:#0b57d0;z-index:10}
.vb-skip:focus{left:.5rem}
.vs-page{max-width:56rem;margin:0 auto;background:#fff;min-height:100%;padding:1rem}
.vs-page a{color:#0b57d0}
.vs-header h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0}
.vs-meta{display:grid;grid-template-columns:auto 1fr;gap:.125rem .75rem;margin:0 0 1rem;font-size:.9375rem}
.vs-meta dt{color:#4a4a4a}.vs-meta dd{margin:0}
.vs-ocr{padding:.5rem .75rem;background:#fff3cd;color:#3d2e00;border-radius:6px;margin:0 0 1rem}
.vs-badge{display:inline-block;padding:0 .375rem;border-radius:4px;background:#5c4400;color:#fff;font-size:.75rem;font-weight:700;margin-right:.375rem}
.vs-layout{display:grid;gap:1rem}
.vs-outline{border:1px solid #c9c3bd;border-radius:8px;padding:.5rem .75rem;font-size:.875rem;max-height:40vh;overflow:auto}
.vs-outline h2{font-size:1rem;margin:.25rem 0 .5rem}
.vs-outline ol{list-style:none;margin:0;padding:0}
.vs-outline li{margin:.125rem 0}
.vs-outline a{display:block;padding:.125rem 0;text-decoration:none}
.vs-outline a:hover{text-decoration:underline}
.vs-d1{padding-left:.75rem}.vs-d2{padding-left:1.5rem}.vs-d3{padding-left:2.25rem}.vs-d4{padding-left:3rem}
.vs-section{padding:.5rem 0;border-top:1px solid #eee;scroll-margin-top:1rem}
.vs-section h2{font-size:1rem;margin:.25rem 0;color:#4a4a4a}
.vs-raw{font-weight:400;font-size:.8125rem;color:#5f5f5f}
.vs-section.vs-target{background:#fbf6e9;border-radius:6px;padding:.5rem}
.vs-text{white-space:pre-wrap;margin:0 0 .5rem;overflow-wrap:anywhere}
strong.vs-span{background:#ffc53d;font-weight:700;text-decoration:underline 2px;text-underline-offset:3px;box-shadow:0 0 0 1px #a87b00;border-radius:2px}
mark.vs-mark{background:#ffe066;color:#1a1a1a;padding:.0625rem 0;box-shadow:0 0 0 2px #c99a00;border-radius:2px}
.vs-notice{padding:.5rem .75rem;border-left:4px solid #0b57d0;background:#eef3fd}
@media (min-width:900px){.vs-layout{grid-template-columns:16rem 1fr}.vs-outline{position:sticky;top:1rem;max-height:calc(100vh - 2rem);align-self:start}}
`;

/** The widget's launcher and panel (inside the shadow root). */
export const widgetCss = `
:host{all:initial!important}
.vbw-launcher{display:grid;place-items:center;position:fixed;bottom:20px;z-index:2147483000;width:60px;height:60px;border:0;border-radius:50%;background:var(--vb-primary,#a4161a);color:#fff;font-size:28px;line-height:1;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.vbw-launcher:focus-visible{outline:3px solid #0b57d0;outline-offset:3px}
.vbw-panel{position:fixed;z-index:2147483001;inset:0;display:flex;flex-direction:column;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.35);overflow:hidden}
.vbw-panel[hidden]{display:none}
.vbw-right .vbw-launcher{right:20px}.vbw-left .vbw-launcher{left:20px}
@media (min-width:520px){.vbw-panel{inset:auto;bottom:92px;width:400px;height:min(640px,calc(100vh - 112px));border-radius:14px}.vbw-right .vbw-panel{right:20px}.vbw-left .vbw-panel{left:20px}}
`;
