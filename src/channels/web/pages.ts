/** HTML shells for the chat page and the source view; the content is built client-side as text. */

/** Scripts and styles only from our own origin; the API is same-origin for pages. */
export const pageCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

export function chatPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Hỏi đáp văn bản – vanban</title>
<link rel="stylesheet" href="/assets/chat.css">
<script src="/assets/page.js" defer></script>
</head>
<body>
<main id="vanban-app"><noscript>Trang hỏi đáp cần bật JavaScript.</noscript></main>
</body>
</html>
`;
}

export function sourcePage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Văn bản – vanban</title>
<link rel="stylesheet" href="/assets/chat.css">
<script src="/assets/source.js" defer></script>
</head>
<body>
<main id="vanban-source" class="vs-page"><noscript>Trang văn bản cần bật JavaScript.</noscript></main>
</body>
</html>
`;
}
