// Starts Debian Chromium headless with playwright-core for the end-to-end tests and the launch
// benchmark. Finding or installing it is ensure-chromium.mjs's job (the same code `npm test` runs
// first): missing Chromium is installed with apt-get when running as root, otherwise this fails with
// the exact command to run. Never a silent skip, never a browser download by playwright.
import { chromium, type Browser } from 'playwright-core';
import { ensureChromium as ensure } from './ensure-chromium.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--headless',
];

/** The Chromium path, installing it first if possible; throws with the command otherwise. */
export function ensureChromium(): string {
  const r = ensure();
  if (r.ok) return r.path;
  throw new Error(r.message);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}
