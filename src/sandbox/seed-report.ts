// The lines `npm start` prints about what the local EHR loaded: resources by type, and each
// thing it skipped with the reason (the first `limit` of them, then how many more).
import type { SeedSummary } from './fhir-store.ts';

export function seedReport(summary: SeedSummary, limit = 50): string[] {
  const types = Object.entries(summary.byType).sort(([a], [b]) => a.localeCompare(b));
  const files = `${summary.bundles} file${summary.bundles === 1 ? '' : 's'}`;
  const lines = [
    `Loaded ${summary.resources} resource${summary.resources === 1 ? '' : 's'} from ${files}` +
      (types.length > 0 ? `: ${types.map(([t, n]) => `${t} ${n}`).join(', ')}` : ''),
  ];
  const skipped = summary.skipped;
  if (skipped.length === 0) return [...lines, 'Skipped nothing.'];
  lines.push(`Skipped ${skipped.length}:`);
  for (const s of skipped.slice(0, limit)) lines.push(`  ${s.source}: ${s.reason}`);
  if (skipped.length > limit) lines.push(`  … and ${skipped.length - limit} more`);
  return lines;
}

/** `--data DIR` (repeatable) from the command line; an error when DIR is missing. */
export function dataDirsOf(argv: readonly string[]): string[] {
  const dirs: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--data') {
      const dir = argv[i + 1];
      if (dir === undefined || dir.startsWith('--')) throw new Error('--data needs a folder');
      dirs.push(dir);
    } else if (arg.startsWith('--data=')) dirs.push(arg.slice('--data='.length));
  });
  return dirs;
}
