// Command-line arguments of the audit command (contract §1).
import { parseArgs } from 'node:util';
import type { Setting } from '../engine/index.ts';
import { UsageError } from './errors.ts';

export const USAGE =
  'usage: npm run --silent audit -- [--config FILE] [--setting professional|facility] [--format json|table|html] PATH...';

export interface AuditArgs {
  config?: string;
  setting?: Setting;
  format: 'json' | 'table' | 'html';
  paths: string[];
  help: boolean;
}

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        setting: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : 'bad arguments';
    throw new UsageError(`${msg}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { format: 'json', paths: [], help: true };
  const out: AuditArgs = { format: 'json', paths: positionals, help: false };
  if (values.setting !== undefined) {
    if (values.setting !== 'professional' && values.setting !== 'facility') {
      throw new UsageError(`--setting must be professional or facility. ${USAGE}`);
    }
    out.setting = values.setting;
  }
  if (values.format !== undefined) {
    if (values.format !== 'json' && values.format !== 'table' && values.format !== 'html') {
      throw new UsageError(`--format must be json, table or html. ${USAGE}`);
    }
    out.format = values.format;
  }
  if (values.config !== undefined) out.config = values.config;
  if (positionals.length === 0) throw new UsageError(`no input given. ${USAGE}`);
  return out;
}
