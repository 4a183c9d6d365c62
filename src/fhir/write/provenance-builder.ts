// Provenance of a coder sign-off (fhir-modeling §1.8): the coder (fhirUser) is the author, the
// signed Claim is the target, the administrations the lines came from are the sources, and a
// revised draft's earlier version is the `revision` entity. The target is the unversioned
// 'Claim/<id>' (with `recorded`, the Claim's history tells the version signed): some servers'
// patient-compartment checks do not resolve '/_history/' references.
import type { Extension, Provenance, ProvenanceEntity } from 'fhir/r4';
import { EXT_BASE } from '../extensions.ts';

export const PROVENANCE_PARTICIPANT_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const DATA_OPERATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const SIGN_OFF_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';

export interface SignOffProvenanceInput {
  /** 'Claim/<id>' */
  claim: string;
  /** 'Claim/<id>/_history/<version>' of the draft this sign-off revised. */
  previousVersion?: string;
  /** 'Practitioner/<id>' of the signing coder. */
  author: string;
  /** ISO instant of the sign-off. */
  recorded: string;
  /** true when an existing draft was revised. */
  revised: boolean;
  /** Resources the signed lines came from ('MedicationAdministration/<id>', ...). */
  sources: string[];
  /** The Claim version this sign-off signed (meta.versionId of the saved claim). */
  signedVersion?: string;
  /** Amending an already signed claim: the coder's reason. */
  amendmentReason?: string;
}

export function buildSignOffProvenance(input: SignOffProvenanceInput): Provenance {
  const entity: ProvenanceEntity[] = [...new Set(input.sources)]
    .sort()
    .map((ref) => ({ role: 'source', what: { reference: ref } }));
  if (input.previousVersion) {
    entity.unshift({ role: 'revision', what: { reference: input.previousVersion } });
  }
  const provenance: Provenance = {
    resourceType: 'Provenance',
    target: [{ reference: input.claim }],
    recorded: input.recorded,
    activity: {
      coding: [{ system: DATA_OPERATION_SYSTEM, code: input.revised ? 'UPDATE' : 'CREATE' }],
      text: input.amendmentReason
        ? 'Coder amendment of a signed claim'
        : 'Coder sign-off of billing lines',
    },
    reason: [
      { coding: [{ system: SIGN_OFF_REASON_SYSTEM, code: 'HPAYMT' }] },
      ...(input.amendmentReason ? [{ text: input.amendmentReason }] : []),
    ],
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_PARTICIPANT_SYSTEM, code: 'author' }] },
        who: { reference: input.author },
      },
    ],
  };
  if (entity.length > 0) provenance.entity = entity;
  // Which version was signed, and whether it amends a signed claim (sign-off-record.ts reads these).
  const extension: Extension[] = [];
  if (input.signedVersion) {
    extension.push({ url: `${EXT_BASE}signed-claim-version`, valueString: input.signedVersion });
  }
  if (input.amendmentReason) {
    extension.push({ url: `${EXT_BASE}claim-amendment`, valueBoolean: true });
  }
  if (extension.length > 0) provenance.extension = extension;
  return provenance;
}
