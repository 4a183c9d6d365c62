// Types for ensure-chromium.mjs (plain ES module so that test/run-all.mjs can use it without tsx).
export declare const CHROMIUM_PATHS: string[];
export declare function findChromium(): string | undefined;
export declare function ensureChromium():
  { ok: true; path: string } | { ok: false; message: string };
