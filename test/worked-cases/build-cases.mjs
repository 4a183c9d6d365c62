// Writes the worked cases: test/worked-cases/<area>/<case>.json (a FHIR R4 collection Bundle)
// and <case>.expected.json (lines and warning codes the spec implies, worked out by hand from
// contract.md, infusion-rules.md, drug-wastage.md and research-billing.md with the `medicare`
// profile defaults). Run: node test/worked-cases/build-cases.mjs && npx prettier --write test/worked-cases
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './fhir-kit.mjs';
import { cases } from './case-helpers.mjs';
import './cases-infusion.mjs';
import './cases-drug.mjs';
import './cases-payer.mjs';
import './cases-infusion-2.mjs';
import './cases-drug-2.mjs';
import './cases-reading.mjs';
import './cases-pumps.mjs';
import './cases-injections.mjs';
import './cases-split-repeat.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Rewrites `Type/id` references as urn:uuid fullUrls or absolute URLs (contract §1). */
function restyle(b, style) {
  if (!style) return b;
  const target = new Map();
  b.entry.forEach((e, i) => {
    const key = `${e.resource.resourceType}/${e.resource.id}`;
    if (style === 'urn') {
      e.fullUrl = `urn:uuid:00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      target.set(key, e.fullUrl);
    } else target.set(key, `https://ehr.example/fhir/${key}`);
  });
  const text = JSON.stringify(b, (k, v) =>
    k === 'reference' && typeof v === 'string' && target.has(v) ? target.get(v) : v,
  );
  return JSON.parse(text);
}

/** Every case as the files it is written to: `<area>/<name>.json` and `.expected.json`. */
export function generateCases() {
  const files = [];
  for (const k of cases) {
    const { resources, drugs, refStyle, bundleType } = k.build(k.name);
    const b = restyle(bundle(k.name, resources, drugs), refStyle);
    if (bundleType) b.type = bundleType;
    files.push({ path: join(k.area, `${k.name}.json`), json: b });
    const exp = { rule: k.rule, ...k.expected };
    if (exp.encounters) {
      exp.encounters = Object.fromEntries(
        Object.entries(exp.encounters).map(([e, v]) => [`Encounter/${k.name}-${e}`, v]),
      );
    }
    files.push({ path: join(k.area, `${k.name}.expected.json`), json: exp });
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generateCases();
  for (const f of files) {
    mkdirSync(dirname(join(here, f.path)), { recursive: true });
    writeFileSync(join(here, f.path), `${JSON.stringify(f.json, null, 2)}\n`);
  }
  process.stdout.write(`${files.length / 2} cases written\n`);
}
