// The whole local stack: the EHR (FHIR + SMART + launcher) and the app's Vite dev server,
// wired to each other (CORS/redirect URIs ↔ VITE_FHIR_ISS).
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './fixtures.ts';
import type { EhrProfile } from './ehr-profiles.ts';
import type { FaultConfig } from './faults.ts';
import { startEhr, type EhrServer } from './server.ts';

export interface StackOptions {
  /** 0 = a free port. */
  ehrPort: number;
  appPort: number;
  openFhir: boolean;
  admin: boolean;
  faults?: FaultConfig;
  /** The kind of EHR imitated (default full). */
  profile?: EhrProfile;
  /** Folders (or files) of FHIR data to load; default: fhir-fixtures/. */
  fixtureDirs?: string[];
  /** Start the Vite dev server too (default true). */
  withApp?: boolean;
  /** CDS Hooks service without JWT authentication (CDS_OPEN=1). */
  cdsOpen?: boolean;
}

export interface Stack {
  ehr: EhrServer;
  appUrl: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const appPort = opts.appPort === 0 ? await freePort() : opts.appPort;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const ehr = await startEhr({
    port: opts.ehrPort,
    appOrigin: appUrl,
    openFhir: opts.openFhir,
    admin: opts.admin,
    ...(opts.faults ? { faults: opts.faults } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.fixtureDirs ? { fixtureDirs: opts.fixtureDirs } : {}),
    ...(opts.cdsOpen ? { cdsOpen: true } : {}),
  });
  if (opts.withApp === false) return { ehr, appUrl, close: () => ehr.close() };

  process.env['VITE_FHIR_ISS'] = ehr.fhirBase;
  process.env['VITE_SMART_CLIENT_ID'] ??= 'everydose';
  const { createServer } = await import('vite');
  // EVERYDOSE_APP_ROOT serves another app folder (used to check the harness on its own).
  const appRoot = process.env['EVERYDOSE_APP_ROOT'] ?? PROJECT_ROOT;
  const vite = await createServer({
    root: appRoot,
    configFile: appRoot === PROJECT_ROOT ? resolve(PROJECT_ROOT, 'vite.config.ts') : false,
    clearScreen: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: appPort, strictPort: true },
  });
  try {
    await vite.listen();
  } catch (e) {
    await ehr.close();
    throw e;
  }
  return {
    ehr,
    appUrl,
    close: async () => {
      await vite.close();
      await ehr.close();
    },
  };
}
