// Writes the synthetic FHIR fixtures (fhir-fixtures/*.json) from the story builders.
// Usage: node fhir-fixtures/build/build-fixtures.mjs
// fixtureFiles() gives the same files in memory (test/fixtures-regenerate.test.ts compares them
// byte for byte with the committed ones).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { practitioners } from './practitioners.mjs';
import { carboPacli, pembroWaste, rituxRestart, trialSponsor } from './stories-a.mjs';
import { authExpired, claimErrors, cleanDay, coverageEnded, hopdConcurrent } from './stories-b.mjs';
import { trialMaClaim } from './stories-c.mjs';
import { CLINIC_DAY } from './stories-e.mjs';
import { eobDenied } from './stories-f.mjs';
import { boneAgents, folfoxWithPump, hormonalInjections, myelomaSc, portFlushOnly } from './stories-d.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..');
const builders = {
  'practitioners.json': practitioners,
  '01-folfox-premeds-hydration.json': folfoxWithPump,
  '02-pembrolizumab-weight-waste.json': pembroWaste,
  '03-carboplatin-paclitaxel-in-progress.json': carboPacli,
  '04-rituximab-reaction-restart.json': rituxRestart,
  '05-trial-sponsor-supplied-drug.json': trialSponsor,
  '06-authorization-expired.json': authExpired,
  '07-coverage-terminated.json': coverageEnded,
  '08-hospital-outpatient-concurrent.json': hopdConcurrent,
  '09-draft-claim-with-errors.json': claimErrors,
  '10-clean-day.json': cleanDay,
  '11-trial-medicare-advantage-claim.json': trialMaClaim,
  ...CLINIC_DAY,
  '12-denosumab-zoledronic-acid.json': boneAgents,
  '13-hormonal-injections.json': hormonalInjections,
  '14-port-flush-only.json': portFlushOnly,
  '15-myeloma-sc-injections.json': myelomaSc,
  '16-pembrolizumab-denied-by-eob.json': eobDenied,
};

/** File name → the exact text the generator writes. */
export function fixtureFiles() {
  return Object.entries(builders).map(([name, build]) => ({
    name,
    text: `${JSON.stringify(build(), null, 2)}\n`,
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = fixtureFiles();
  for (const f of files) writeFileSync(join(out, f.name), f.text);
  console.log(`wrote ${files.length} files to ${out}`);
}
