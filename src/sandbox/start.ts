// `npm start`: the local EHR and the app. Prints one URL (the launcher) and stops cleanly on
// Ctrl-C. Switches (flags or environment, see docs/local-ehr.md):
//   --open-fhir  / EHR_OPEN_FHIR=1  FHIR without authorization (still loopback only)
//   --test       / EHR_MODE=test    admin endpoints + admin token (dev mode has them too)
//   --no-admin                      no admin endpoints
//   --json                          print one machine-readable line (used by the e2e setup)
//   --ehr-profile full|claim-less|mar-read-only / EHR_PROFILE  the kind of EHR imitated
//   --data DIR (repeatable)         also load the FHIR data in DIR (after fhir-fixtures/)
//   --no-app                        the local EHR only (no Vite dev server)
//   CDS_OPEN=1                      the CDS Hooks service at /cds-services asks for no JWT
//   EHR_PORT (4000), APP_PORT (5173): 0 picks a free port; EHR_FAULTS='{"latencyMs":50}'
import './websocket-shim.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { profileFrom } from './ehr-profiles.ts';
import { parseFaultConfig } from './faults.ts';
import { defaultFixtureDirs } from './fixtures.ts';
import { dataDirsOf, seedReport } from './seed-report.ts';
import { startStack } from './stack.ts';

export const STACK_LINE_PREFIX = 'EVERYDOSE_STACK ';

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Not a port number: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const dataDirs = dataDirsOf(argv).map((d) => resolve(d));
  for (const dir of dataDirs)
    if (!existsSync(dir)) throw new Error(`--data: no such folder ${dir}`);
  const env = process.env;
  const openFhir = args.has('--open-fhir') || env['EHR_OPEN_FHIR'] === '1';
  const mode = args.has('--test') ? 'test' : (env['EHR_MODE'] ?? 'dev');
  const admin = !args.has('--no-admin') && (mode === 'test' || mode === 'dev');
  const faults = env['EHR_FAULTS'] ? parseFaultConfig(JSON.parse(env['EHR_FAULTS'])) : undefined;
  const profile = profileFrom(process.argv.slice(2), env['EHR_PROFILE']);
  const stack = await startStack({
    profile,
    ehrPort: port(env['EHR_PORT'], 4000),
    appPort: port(env['APP_PORT'], 5173),
    openFhir,
    admin,
    ...(faults ? { faults } : {}),
    withApp: !args.has('--no-app'),
    ...(dataDirs.length > 0 ? { fixtureDirs: [...defaultFixtureDirs(), ...dataDirs] } : {}),
    cdsOpen: env['CDS_OPEN'] === '1',
  });
  const { ehr } = stack;
  if (args.has('--json')) {
    const info = {
      launcherUrl: `${ehr.url}/`,
      ehrUrl: ehr.url,
      fhirBase: ehr.fhirBase,
      issuer: ehr.issuer,
      appUrl: stack.appUrl,
      adminToken: ehr.adminToken,
      profile,
      seeded: { resources: ehr.seeded.resources, skipped: ehr.seeded.skipped.length },
    };
    process.stdout.write(`${STACK_LINE_PREFIX}${JSON.stringify(info)}\n`);
  } else {
    const notes = [
      openFhir ? 'FHIR is open (no authorization, loopback only)' : '',
      faults ? 'faults are on (EHR_FAULTS)' : '',
      profile !== 'full' ? `EHR profile ${profile}` : '',
      env['CDS_OPEN'] === '1' ? 'CDS Hooks service is open (CDS_OPEN=1, no JWT asked)' : '',
    ].filter(Boolean);
    process.stdout.write(`${seedReport(ehr.seeded).join('\n')}\n`);
    process.stdout.write(`\nEveryDose is running. Open ${ehr.url}/\n`);
    if (notes.length > 0) process.stdout.write(`(${notes.join('; ')})\n`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
