// Node side of the audit command's `reference.*` config: read CMS files from disk, parse them
// (pure parsers in parse/), and return reference data whose rows take precedence over `base`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  crosswalkMappings,
  dosageTable,
  effectiveDateFromName,
  mueTable,
  oppsTable,
  paymentLimitTable,
  ptpTable,
} from './cms-tables.ts';
import { createReference, overlayReference } from './create-reference.ts';
import { parseAddendumB } from './parse/addendum-b.ts';
import { parseCrosswalk } from './parse/crosswalk.ts';
import { decodeCmsBytes } from './parse/csv.ts';
import { parseFeeSchedule } from './parse/fee-schedule.ts';
import { parseMue } from './parse/mue.ts';
import { parsePaymentLimits } from './parse/payment-limits.ts';
import { parsePtp } from './parse/ptp.ts';
import { emptyTables } from './tables.ts';
import type { MueTable, ReferenceData } from './types.ts';

export interface ReferenceFilePaths {
  mue?: string;
  oppsAddendumB?: string;
  ndcHcpcsCrosswalk?: string;
  paymentLimits?: string;
  /** NCCI PTP practitioner table (injection-pump-rules R25.1). */
  ptpPractitioner?: string;
  /** NCCI PTP hospital outpatient table. */
  ptpHospital?: string;
  /** Practice fee schedule, CSV `code,modifier,amount` (professional prices). */
  feeSchedule?: string;
}

/** A CMS file that could not be read or is not in the expected layout. */
export class ReferenceFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ReferenceFileError';
  }
}

export function isReferenceFileError(e: unknown): e is ReferenceFileError {
  return e instanceof ReferenceFileError;
}

async function load<T>(path: string, parse: (text: string) => T): Promise<T> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ReferenceFileError(path, e instanceof Error ? e.message : 'cannot be read');
  }
  try {
    return parse(decodeCmsBytes(bytes));
  } catch (e) {
    throw new ReferenceFileError(path, e instanceof Error ? e.message : 'cannot be parsed');
  }
}

/**
 * Read the given CMS files. Crosswalk and payment limits answer for the dates their banner
 * names; an MUE file answers from the date in its name (`Eff_MM-DD-YYYY`) or always; an
 * Addendum B always. Paths are used as given (the caller resolves them against the config).
 */
export async function loadReferenceFromFiles(
  paths: ReferenceFilePaths,
  base?: ReferenceData,
): Promise<ReferenceData> {
  const tables = emptyTables();
  const dosageFiles: { rows: { hcpcs: string; dosage: string }[] }[] = [];
  if (paths.paymentLimits) {
    const file = await load(paths.paymentLimits, parsePaymentLimits);
    tables.paymentLimits = [paymentLimitTable(file)];
    dosageFiles.push(file);
  }
  if (paths.ndcHcpcsCrosswalk) {
    const file = await load(paths.ndcHcpcsCrosswalk, parseCrosswalk);
    tables.ndcHcpcs = crosswalkMappings(file);
    dosageFiles.push(file);
  }
  tables.dosage = dosageTable(dosageFiles);
  if (paths.mue) {
    const file = await load(paths.mue, parseMue);
    const from = effectiveDateFromName(basename(paths.mue));
    const table: MueTable =
      file.table ??
      (/outpatient/i.test(basename(paths.mue)) ? 'outpatient-hospital' : 'practitioner');
    tables.mue = [mueTable(file, table, undefined, from ? { from } : {})];
  }
  if (paths.oppsAddendumB) {
    tables.opps = [oppsTable(await load(paths.oppsAddendumB, parseAddendumB))];
  }
  tables.ptp = [];
  if (paths.ptpPractitioner)
    tables.ptp.push(ptpTable(await load(paths.ptpPractitioner, parsePtp), 'practitioner'));
  if (paths.ptpHospital)
    tables.ptp.push(ptpTable(await load(paths.ptpHospital, parsePtp), 'outpatient-hospital'));
  if (paths.feeSchedule) tables.feeSchedule = await load(paths.feeSchedule, parseFeeSchedule);
  const over = createReference(tables);
  return base ? overlayReference(over, base) : over;
}
