// Whether a finished administration may have waste documented (issue 14 §2): never on
// hydration fluids or flushes. The engine's category decides (contract §2.2, infusion-rules
// R2.1–R2.3: 'hydration' and 'flush'), and a record coded as a port flush (R24, R26.4
// dosage.method) is a flush whatever its drug. A drug the reference data does not know keeps
// the action: hiding it would make a real discard vanish.
import type { CodeableConcept, MedicationAdministration } from 'fhir/r4';
import { resolveDrugCategory } from '../../engine/index.ts';
import { serviceMethodOf } from './administration.ts';
import { conceptIdentity } from './codes.ts';
import type { ReferenceData } from '../../reference/types.ts';

type MapConcept = Parameters<typeof conceptIdentity>[0];
type MapMethod = Parameters<typeof serviceMethodOf>[0];

/** The FHIR type's Coding lacks the parsed schema's index signature; same fields. */
const asParsed = <T>(value: unknown): T => value as T;

export type NoWasteReason = 'flush' | 'hydration';

const FLUIDS: ReadonlySet<string> = new Set<NoWasteReason>(['hydration', 'flush']);

/**
 * Why no waste may be documented, or undefined when it may. Every concept (the drug's code and
 * its bag's ingredients) must be a fluid or flush: a drug mixed in saline keeps the action.
 */
export function noWasteReason(
  ma: MedicationAdministration,
  concepts: readonly CodeableConcept[],
  reference: ReferenceData | undefined,
  dos: string,
): NoWasteReason | undefined {
  if (serviceMethodOf(asParsed<MapMethod>(ma.dosage?.method)) === 'port-flush') return 'flush';
  if (!reference || concepts.length === 0) return undefined;
  const results = concepts.map((cc) =>
    resolveDrugCategory(conceptIdentity(asParsed<MapConcept>(cc)), reference, dos),
  );
  if (results.some((r) => r.unknown || !FLUIDS.has(r.category))) return undefined;
  return results.every((r) => r.category === 'flush') ? 'flush' : 'hydration';
}
