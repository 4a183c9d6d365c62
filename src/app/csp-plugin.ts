// Content-Security-Policy for the app's pages, served by Vite (dev server and preview). Node
// side only: imported by vite.config.ts, never by the app. `frame-ancestors` says which EHRs
// may show the app in a frame: EVERYDOSE_FRAME_ANCESTORS (space-separated origins), else
// 'self' plus the local EHR's origin (from VITE_FHIR_ISS, else http://127.0.0.1:4000).
import type { Plugin } from 'vite';

type Env = Record<string, string | undefined>;

const LOCAL_EHR = 'http://127.0.0.1:4000';
const ORIGIN_RE = /^(https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?|'self'|'none')$/;

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The frame-ancestors sources; anything that is not an origin or a keyword is left out. */
export function frameAncestors(env: Env): string[] {
  const configured = env['EVERYDOSE_FRAME_ANCESTORS']?.trim();
  if (configured) {
    const list = configured.split(/\s+/).filter((s) => ORIGIN_RE.test(s));
    return list.length > 0 ? list : ["'none'"];
  }
  return ["'self'", originOf(env['VITE_FHIR_ISS']) ?? LOCAL_EHR];
}

/**
 * The policy. The dev server keeps it to what does not break Vite's inline module preamble
 * (no script-src); the built app (preview) also allows scripts from its own origin only.
 */
export function contentSecurityPolicy(env: Env, built: boolean): string {
  const parts = [
    `frame-ancestors ${frameAncestors(env).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
  ];
  if (built) parts.push("script-src 'self'");
  return parts.join('; ');
}

/** Vite plugin: sets Content-Security-Policy on every answer of the dev and preview servers. */
export function cspPlugin(env: Env = globalThis.process.env): Plugin {
  return {
    name: 'everydose-csp',
    configureServer(server) {
      const policy = contentSecurityPolicy(env, false);
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
    configurePreviewServer(server) {
      const policy = contentSecurityPolicy(env, true);
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
