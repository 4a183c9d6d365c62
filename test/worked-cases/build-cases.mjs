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
import './cases-more.mjs';

const here = dirname(fileURLToPath(import.meta.url));

let n = 0;
for (const k of cases) {
  const { resources, drugs } = k.build(k.name);
  const dir = join(here, k.area);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${k.name}.json`),
    `${JSON.stringify(bundle(k.name, resources, drugs), null, 2)}\n`,
  );
  const exp = { rule: k.rule, ...k.expected };
  if (exp.encounters) {
    exp.encounters = Object.fromEntries(
      Object.entries(exp.encounters).map(([e, v]) => [`Encounter/${k.name}-${e}`, v]),
    );
  }
  writeFileSync(join(dir, `${k.name}.expected.json`), `${JSON.stringify(exp, null, 2)}\n`);
  n += 1;
}
process.stdout.write(`${n} cases written\n`);
