/** HTML shells for the chat page and the source view; the content is built client-side as text. */

/** Scripts and styles only from our own origin; the API is same-origin for pages. */
export const pageCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

interface ShellOptions {
  title: string;
  script: string;
  mainId: string;
  mainClass?: string;
  noscript: string;
  /** Bundle fingerprint (assetVersion): versioned URLs are cached as immutable. */
  version: string;
}

/** The one HTML shell both pages share: our stylesheet, one deferred script, an empty <main>. */
function shell(options: ShellOptions): string {
  const mainClass = options.mainClass ? ` class="${options.mainClass}"` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${options.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/chat.css?v=${options.version}">
<script src="/assets/${options.script}?v=${options.version}" defer></script>
</head>
<body>
<main id="${options.mainId}"${mainClass}><noscript>${options.noscript}</noscript></main>
</body>
</html>
`;
}

export function chatPage(version: string): string {
  return shell({ title: 'Hỏi đáp văn bản – vanban', script: 'page.js', mainId: 'vanban-app', noscript: 'Trang hỏi đáp cần bật JavaScript.', version });
}

export function sourcePage(version: string): string {
  return shell({ title: 'Văn bản – vanban', script: 'source.js', mainId: 'vanban-source', mainClass: 'vs-page', noscript: 'Trang văn bản cần bật JavaScript.', version });
}
