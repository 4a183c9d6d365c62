// Bundle: gzip size of the JavaScript the first screen needs (the entry and its static imports,
// not the chunks loaded on demand), against a bare React app built the same way in this run.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { figure, type Figure } from './figures.ts';

const root = resolve(import.meta.dirname, '..');

/** Gzip bytes of the entry script and every modulepreload of one built HTML page. */
export function firstScreenGzipBytes(htmlPath: string): { bytes: number; files: string[] } {
  const html = readFileSync(htmlPath, 'utf8');
  const dir = dirname(htmlPath);
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    if (m[1]) refs.add(m[1]);
  let bytes = 0;
  for (const ref of refs) {
    const file = ref.startsWith('/') ? resolve(dir, `.${ref}`) : resolve(dir, ref);
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { bytes, files: [...refs] };
}

function totalJsGzip(dir: string): number {
  let bytes = 0;
  for (const f of readdirSync(resolve(dir, 'assets'))) {
    if (f.endsWith('.js'))
      bytes += gzipSync(readFileSync(resolve(dir, 'assets', f)), { level: 9 }).length;
  }
  return bytes;
}

export async function benchBundle(): Promise<Figure[]> {
  const appOut = resolve(root, '.bench-tmp/dist-app');
  const baseOut = resolve(root, '.bench-tmp/dist-baseline');
  await build({
    root,
    logLevel: 'error',
    build: { outDir: appOut, emptyOutDir: true, sourcemap: false },
  });
  await build({
    root: resolve(root, 'bench/baseline-app'),
    configFile: false,
    plugins: [react()],
    logLevel: 'error',
    build: { outDir: baseOut, emptyOutDir: true, target: 'es2022' },
  });
  const app = firstScreenGzipBytes(resolve(appOut, 'index.html'));
  const base = firstScreenGzipBytes(resolve(baseOut, 'index.html'));
  const total = totalJsGzip(appOut);
  return [
    figure(
      'bundle.first_screen_gzip_kb',
      app.bytes / 1024,
      'KB',
      base.bytes / 1024,
      '<= 150',
      (v) => v <= 150,
      `first screen loads ${app.files.length} file(s); all JavaScript incl. lazy chunks: ${(total / 1024).toFixed(1)} KB gzip; baseline = bare React app`,
    ),
  ];
}
