// Finds Debian Chromium for the end-to-end tests; installs it with apt-get when running as root,
// otherwise stops with the exact command to run. Never a silent skip, never a browser download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const INSTALL = 'apt-get update && apt-get install -y chromium';

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH;
  return CHROMIUM_PATHS.find((p) => existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return { ok: true, path: found };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`Chromium not found: installing it (${INSTALL}) ...`);
    const r = spawnSync('sh', ['-c', `${INSTALL} >/dev/null`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const after = findChromium();
    if (r.status === 0 && after) return { ok: true, path: after };
  }
  return {
    ok: false,
    message: `The end-to-end tests need Debian Chromium and it is not installed. Run as root:\n  ${INSTALL}\nthen run npm test again.`,
  };
}
