// A spilling audit routes each patient line by its own top-level patient element, exactly as the
// parsed path does (patientKeyOf): a patient element inside a contained resource, or a top-level
// one whose "reference" is not its first key, never sends a line to the wrong patient.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/ingest.ts';
import type { InputFile } from '../../src/cli/input-files.ts';
import { UNKNOWN_PATIENT } from '../../src/fhir/map/patient-input.ts';
import { MemoryStore, SpillStore, type PatientStore } from '../../src/cli/patient-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'everydose-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contained = (el: string, patient: string): string =>
  `"contained":[{"resourceType":"Observation","id":"o1","${el}":{"reference":"Patient/${patient}"}}]`;

/** [row, line, the patient the parsed path routes it to] */
const ROWS: [string, string, string][] = [
  [
    'MedicationAdministration without subject; a contained resource has one',
    `{"resourceType":"MedicationAdministration","id":"ma1",${contained('subject', 'p9')},"status":"completed"}`,
    UNKNOWN_PATIENT,
  ],
  [
    'subject with display before reference; a contained resource has the needle',
    `{"resourceType":"MedicationAdministration","id":"ma2",${contained('subject', 'p9')},"subject":{"display":"A","reference":"Patient/p2"}}`,
    'Patient/p2',
  ],
  [
    'contained first, then the top-level subject (the needle twice)',
    `{"resourceType":"MedicationAdministration","id":"ma3",${contained('subject', 'p9')},"subject":{"reference":"Patient/p3"}}`,
    'Patient/p3',
  ],
  [
    'Coverage: beneficiary only inside a contained resource',
    `{"resourceType":"Coverage","id":"c1",${contained('beneficiary', 'p9')}}`,
    UNKNOWN_PATIENT,
  ],
  [
    'Claim: patient at top level, another inside a contained resource',
    `{"resourceType":"Claim","id":"cl1","patient":{"reference":"Patient/p4"},${contained('patient', 'p9')}}`,
    'Patient/p4',
  ],
  [
    'Encounter: subject only inside a contained resource',
    `{"resourceType":"Encounter","id":"e1",${contained('subject', 'p9')}}`,
    UNKNOWN_PATIENT,
  ],
  [
    'a plain line',
    '{"resourceType":"MedicationAdministration","id":"ma4","subject":{"reference":"Patient/p5"}}',
    'Patient/p5',
  ],
  [
    'the same reference as the line before',
    '{"resourceType":"MedicationRequest","id":"mr1","subject":{"reference":"Patient/p5"}}',
    'Patient/p5',
  ],
];

function routes(store: PatientStore, file: InputFile): Map<string, string> {
  const byId = new Map<string, string>();
  try {
    ingest([file], store);
    for (const [patient, records] of store.patients()) {
      for (const r of records)
        byId.set(`${r.resource.resourceType}/${String(r.resource.id)}`, patient);
    }
  } finally {
    store.close();
  }
  return byId;
}

describe('spilling and in-memory audits route every patient line to the same patient', () => {
  const path = join(dir, 'lines.ndjson');
  // A trailing line: the last line of a file is always parsed, so the rows above are all scanned.
  writeFileSync(path, `${ROWS.map((r) => r[1]).join('\n')}\n{"resourceType":"Basic","id":"b1"}\n`);
  const file: InputFile = { path, kind: 'ndjson', size: statSync(path).size };
  const spilled = routes(new SpillStore(2, [path]), file);
  const inMemory = routes(new MemoryStore(), file);

  it.each(ROWS)('%s', (_row, line, expected) => {
    const { resourceType, id } = JSON.parse(line) as { resourceType: string; id: string };
    const key = `${resourceType}/${id}`;
    expect(inMemory.get(key)).toBe(expected);
    expect(spilled.get(key)).toBe(expected);
  });
});
