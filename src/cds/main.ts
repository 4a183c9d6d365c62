// `npm run cds-service`: the CDS Hooks service on its own, for a real EHR. Settings (environment):
//   CDS_PORT (4100; 0 = a free port), CDS_HOST (127.0.0.1)
//   CDS_PUBLIC_URL   the base URL the EHR calls (JWT `aud`), default http://<host>:<port>
//   CDS_APP_LAUNCH_URL  EveryDose's SMART launch URL for card links
//   CDS_CLIENTS      JSON list of trusted EHRs: [{"iss": "...", "jwks_uri": "..."}]
//   CDS_OPEN=1       no JWT asked (local testing only)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinReference } from '../reference/builtin.ts';
import { createCdsService } from './cds-handler.ts';
import { createCdsJwtVerifier, trustedClientsFrom } from './jwt-auth.ts';

function port(value: string | undefined): number {
  const n = value === undefined || value === '' ? 4100 : Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Not a port number: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const env = process.env;
  const open = env['CDS_OPEN'] === '1';
  const clients = trustedClientsFrom(env['CDS_CLIENTS']);
  if (!open && clients.length === 0) {
    process.stderr.write(
      'No trusted EHR is set: set CDS_CLIENTS (see docs/cds-hooks.md), or CDS_OPEN=1 for local testing.\n',
    );
  }
  const host = env['CDS_HOST'] ?? '127.0.0.1';
  let reference: ReturnType<typeof builtinReference> | undefined;
  let publicBase = env['CDS_PUBLIC_URL'] ?? '';
  const service = createCdsService({
    appLaunchUrl: env['CDS_APP_LAUNCH_URL'] ?? 'http://127.0.0.1:5173/launch.html',
    get publicBase() {
      return publicBase;
    },
    verify: open ? undefined : createCdsJwtVerifier(clients),
    reference: () => (reference ??= builtinReference()),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://service.local');
    service.handle(req, res, url).then(
      (done) => {
        if (!done)
          res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port(env['CDS_PORT']), host, () => ok());
  });
  const bound = (server.address() as AddressInfo).port;
  publicBase ||= `http://${host}:${bound}`;
  process.stdout.write(
    `EveryDose CDS Hooks service: ${publicBase}/cds-services${open ? ' (open: no JWT asked)' : ''}\n`,
  );
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
