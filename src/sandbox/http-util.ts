// Small node:http helpers shared by the local EHR's routes.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 20 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'self'; frame-src *; style-src 'unsafe-inline'",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

export function isLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The app's design tokens (src/components/tokens.css: type scale, colours, spacing, touch size),
 * so the local EHR's pages look like EveryDose (issue 17 §5). Read once, inlined in each page.
 */
const TOKENS_CSS = readFileSync(new URL('../components/tokens.css', import.meta.url), 'utf8');

/** A plain, accessible page shell. `body` must already be escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${TOKENS_CSS}
html { font-size: var(--font-size-root); }
body { font-family: var(--font-family); line-height: var(--line-height); margin: 0; color: var(--color-text); background: var(--color-bg); }
header { background: var(--color-primary-strong); color: var(--color-on-primary); padding: var(--space-2) var(--space-4); }
h1 { font-size: var(--font-size-xl); line-height: var(--line-height-tight); margin: 0; }
h2 { font-size: var(--font-size-lg); line-height: var(--line-height-tight); }
main { padding: var(--space-4); max-width: 48rem; }
label { display: block; margin-top: var(--space-3); font-weight: var(--font-weight-strong); }
fieldset { margin-top: var(--space-3); border: var(--border-width) solid var(--color-border); border-radius: var(--radius-md); background: var(--color-surface); }
legend { font-weight: var(--font-weight-strong); padding: 0 var(--space-1); }
fieldset label { display: flex; align-items: center; gap: var(--space-2); min-height: var(--target-min); margin-top: 0; font-weight: normal; }
input[type="radio"] { width: 1.25rem; height: 1.25rem; }
select, button { font: inherit; min-height: var(--target-min); min-width: var(--target-min); margin-top: var(--space-1); border-radius: var(--radius-sm); }
select { max-width: 100%; padding: 0 var(--space-2); border: var(--border-width) solid var(--color-border-strong); background: var(--color-surface); color: var(--color-text); }
button { margin-top: var(--space-4); padding: var(--space-2) var(--space-4); border: var(--border-width) solid var(--color-primary); background: var(--color-primary); color: var(--color-on-primary); font-weight: var(--font-weight-strong); cursor: pointer; }
button:hover { background: var(--color-primary-strong); }
a { color: var(--color-primary); }
:focus-visible { outline: var(--focus-ring); outline-offset: 2px; }
.ehr-frame { border: 0; width: 100%; height: calc(100vh - 6rem); }
.banner { background: var(--color-info-bg); color: var(--color-text); padding: var(--space-2) var(--space-4); }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
