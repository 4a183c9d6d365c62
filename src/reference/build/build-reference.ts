// `npm run reference:build`: rebuild src/reference/data/*.json from ../shared/domain/drug-catalog.json
// and the CMS files in ../shared/data/cms/. Keeps only the rows the product needs (catalog and
// supportive codes, fluids, J/Q/C9/A9 drug codes, CPT 96360–96549) so the browser bundle stays small.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crosswalkMappings,
  dosageTable,
  mueTable,
  oppsTable,
  paymentLimitTable,
  ptpTable,
} from '../cms-tables.ts';
import { parseAddendumB } from '../parse/addendum-b.ts';
import { parseCrosswalk } from '../parse/crosswalk.ts';
import { decodeCmsBytes } from '../parse/csv.ts';
import { parseMue } from '../parse/mue.ts';
import { parsePaymentLimits } from '../parse/payment-limits.ts';
import { parsePtp } from '../parse/ptp.ts';
import { packMappings, type ReferenceTables } from '../tables.ts';
import { catalogSchema, catalogTables } from './catalog-tables.ts';
import { routeTables } from './route-tables.ts';
import { doseFormsSchema, identityTables, rxnormVocabularySchema } from './identity-tables.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const shared = resolve(process.env.EVERYDOSE_SHARED ?? join(root, '../shared'));
const cms = join(shared, 'data/cms');
const out = join(here, '../data');

export const CMS_FILES = {
  crosswalk: 'section 508 version of January 2026 ASP NDC-HCPCS Crosswalk 121725.csv',
  paymentLimits: [
    'section 508 version of January 2026 Medicare Part B Payment Limit File 121725.csv',
    'cms-july-2026-part-b-payment-limits.csv',
  ],
  muePractitioner: 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv',
  mueOutpatient: 'MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026_subset.csv',
  addendumB: '508 version of October 2025 Web Addendum B.10.31.25.csv',
  // NCCI PTP, hospital outpatient v32.3, active pairs with column 1 in 96360–96549 (R25.1, S60).
  ptpHospital: 'ccioph-v323r0_active_col1_96360-96549_subset.csv',
};

/** Codes of injection-pump-rules R25.6 outside the drug-administration range. */
const PART2_CODES = new Set(['G0498', 'C8957', '36591', '36592', '99211', 'G0463']);

const isDrugCode = (code: string): boolean => /^(J|Q|C9|A9)/.test(code);

/** Drug codes and the drug-administration CPT range. */
export function productCode(code: string): boolean {
  if (/^(J|Q|C9|A9)/.test(code)) return true;
  if (PART2_CODES.has(code)) return true;
  const n = Number(code);
  return Number.isInteger(n) && n >= 96360 && n <= 96549;
}

const read = (name: string): string => decodeCmsBytes(readFileSync(join(cms, name)));

export function buildTables(): { tables: ReferenceTables; notes: string[] } {
  const catalog = catalogSchema.parse(
    JSON.parse(readFileSync(join(shared, 'domain/drug-catalog.json'), 'utf8')),
  );
  const crosswalk = parseCrosswalk(read(CMS_FILES.crosswalk));
  const payments = CMS_FILES.paymentLimits.map((f) => parsePaymentLimits(read(f)));
  const cat = catalogTables(catalog, crosswalk, payments);
  const carried = new Set(cat.hcpcs.map((h) => h.code));
  // The latest crosswalk answers until a newer one is loaded: no end date, no start date. Every
  // NDC of the file is kept (contract §2.2), not only those of the catalog's codes.
  const extra = crosswalkMappings(crosswalk, () => true, {}).filter(
    (m) => !cat.ndcHcpcs.some((x) => x.ndc11 === m.ndc11 && x.hcpcs === m.hcpcs),
  );
  const vocabulary = (name: string): unknown =>
    JSON.parse(readFileSync(join(shared, 'domain/vocabulary', name), 'utf8'));
  const identity = identityTables(
    rxnormVocabularySchema.parse(vocabulary('rxnorm-oncology.json')),
    doseFormsSchema.parse(vocabulary('dose-forms.json')),
    crosswalk,
  );
  const tables: ReferenceTables = {
    hcpcs: cat.hcpcs,
    products: cat.products,
    ndcHcpcs: [...cat.ndcHcpcs, ...extra],
    rxnorm: cat.rxnorm,
    // Payment limits answer only inside their quarter.
    paymentLimits: payments.map((p) => paymentLimitTable(p, productCode)),
    // MUE and Addendum B: the only release carried answers for every date.
    // Payment rates only for administration codes (drug lines are priced by ASP limits).
    opps: [
      oppsTable(parseAddendumB(read(CMS_FILES.addendumB)), productCode, {}, (c) => !isDrugCode(c)),
    ],
    mue: [
      mueTable(parseMue(read(CMS_FILES.muePractitioner)), 'practitioner', productCode),
      mueTable(parseMue(read(CMS_FILES.mueOutpatient)), 'outpatient-hospital', productCode),
    ],
    // PTP: every pair of the shipped subset (column 2 may be any code, e.g. 99211).
    ptp: [ptpTable(parsePtp(read(CMS_FILES.ptpHospital)), 'outpatient-hospital')],
    // Billing units of drug codes outside the catalog (latest file first).
    dosage: dosageTable(
      [...[...payments].reverse(), crosswalk],
      (c) => /^(J|Q|C9|A9)/.test(c) && !carried.has(c),
    ),
    identity,
  };
  return { tables, notes: cat.notes };
}

function main(): void {
  const { tables, notes } = buildTables();
  const drugs = {
    hcpcs: tables.hcpcs,
    products: tables.products,
    rxnorm: tables.rxnorm,
  };
  const cmsData = {
    paymentLimits: tables.paymentLimits,
    opps: tables.opps,
    mue: tables.mue,
    dosage: tables.dosage,
    ptp: tables.ptp,
  };
  writeFileSync(join(out, 'drugs.json'), JSON.stringify(drugs));
  writeFileSync(join(out, 'cms.json'), JSON.stringify(cmsData));
  // Route codes, texts and dose forms (medication-vocabulary §1–2).
  writeFileSync(join(out, 'routes.json'), JSON.stringify(routeTables(shared)));
  // Every NDC of the crosswalk, packed, and the drug-identity tables: own files, same lazy chunk.
  writeFileSync(join(out, 'crosswalk.json'), JSON.stringify(packMappings(tables.ndcHcpcs)));
  writeFileSync(join(out, 'identity.json'), JSON.stringify(tables.identity));
  process.stdout.write(
    `reference data: ${tables.hcpcs.length} codes, ${tables.products.length} products, ` +
      `${tables.ndcHcpcs.length} NDC mappings\n` +
      notes.map((n) => `  note: ${n}\n`).join(''),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
