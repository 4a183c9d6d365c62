// `npm run --silent audit -- [--config FILE] [--setting professional|facility]
//  [--format json|table|html] PATH...` (contract §1). Exit 0 when the report was produced; 2 for a
// usage error or an input that cannot be read, with one plain line on stderr.
// The engine, zod and the reference data load only once the arguments are known to be good.
import { parseAuditArgs, USAGE } from './args.ts';
import { isAuditError } from './errors.ts';

const isReferenceFileError = (e: unknown): e is Error =>
  e instanceof Error && e.name === 'ReferenceFileError';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseAuditArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [{ loadConfig }, { expandPaths }] = await Promise.all([
      import('./config.ts'),
      import('./input-files.ts'),
    ]);
    const config = loadConfig(args.config);
    if (args.setting) config.engine.setting = args.setting;
    const files = expandPaths(args.paths);
    const memoryEnv = process.env.EVERYDOSE_AUDIT_MEMORY_BYTES;
    const memory = memoryEnv ? Number(memoryEnv) : NaN;
    const { runAudit } = await import('./run-audit.ts');
    await runAudit({
      files,
      config: config.engine,
      reference: config.reference,
      format: args.format,
      out: process.stdout,
      ...(Number.isFinite(memory) && memory >= 0 ? { memoryBytes: memory } : {}),
    });
    return 0;
  } catch (e) {
    if (isAuditError(e) || isReferenceFileError(e)) {
      process.stderr.write(`audit: ${e.message.split('\n')[0] ?? ''}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`audit: internal error: ${msg}\n`);
    if (process.env.EVERYDOSE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
