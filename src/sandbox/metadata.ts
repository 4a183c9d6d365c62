// Discovery documents of the local EHR: the CapabilityStatement at /fhir/metadata (with the
// SMART oauth-uris extension) and /fhir/.well-known/smart-configuration (SMART 2.x).
import './websocket-shim.ts';
import { getSearchParameter } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResourceInteraction,
  ResourceType,
} from '@medplum/fhirtypes';
import { listsType, operationsOf, writesOf, type EhrProfile } from './ehr-profiles.ts';

type SearchParamType =
  | 'number'
  | 'date'
  | 'string'
  | 'token'
  | 'reference'
  | 'composite'
  | 'quantity'
  | 'uri'
  | 'special';

/** The parameter's type from the R4 SearchParameters the store indexed. */
function searchParamType(resourceType: string, name: string): SearchParamType {
  if (name === '_id') return 'token';
  return getSearchParameter(resourceType, name)?.type ?? 'string';
}

export interface DiscoveryUrls {
  fhirBase: string;
  issuer: string;
}

/** Types the sandbox serves and tests, with the search parameters the app relies on. */
const RESOURCES: Record<string, { search: string[]; include?: string[]; revinclude?: string[] }> = {
  Patient: {
    search: ['_id', 'identifier', 'name', 'family', 'birthdate'],
    revinclude: ['MedicationAdministration:patient'],
  },
  Encounter: {
    search: ['_id', 'patient', 'subject', 'date', 'status', 'class'],
    include: ['Encounter:location', 'Encounter:service-provider'],
  },
  MedicationAdministration: {
    search: [
      '_id',
      'patient',
      'subject',
      'context',
      'effective-time',
      'status',
      'code',
      'medication',
      'request',
      'performer',
    ],
    include: [
      'MedicationAdministration:medication',
      'MedicationAdministration:context',
      'MedicationAdministration:request',
      'MedicationAdministration:performer',
    ],
  },
  MedicationRequest: {
    search: [
      '_id',
      'patient',
      'subject',
      'encounter',
      'status',
      'intent',
      'authoredon',
      'medication',
    ],
    include: ['MedicationRequest:medication'],
  },
  Medication: { search: ['_id', 'code', 'ingredient'] },
  MedicationKnowledge: { search: ['_id', 'code'] },
  Coverage: {
    search: ['_id', 'patient', 'beneficiary', 'status', 'payor'],
    include: ['Coverage:payor'],
  },
  CoverageEligibilityResponse: { search: ['_id', 'patient', 'status', 'created', 'request'] },
  Claim: {
    search: ['_id', 'patient', 'use', 'status', 'encounter', 'created'],
    revinclude: ['ClaimResponse:request', 'Provenance:target'],
  },
  ClaimResponse: { search: ['_id', 'patient', 'request', 'use', 'status', 'created'] },
  // Payers' answers as the EHRs imitated here offer them (Epic and Oracle Health list
  // ExplanationOfBenefit search by patient; CARIN BB payers use nothing else): issue 17 §4.
  ExplanationOfBenefit: { search: ['_id', 'patient', 'claim', 'status', 'created'] },
  ResearchSubject: {
    search: ['_id', 'patient', 'individual', 'study', 'status'],
    include: ['ResearchSubject:study'],
  },
  ResearchStudy: { search: ['_id', 'identifier', 'status'] },
  Provenance: { search: ['_id', 'patient', 'target', 'agent', 'recorded'] },
  ChargeItem: { search: ['_id', 'patient', 'subject', 'context', 'code', 'identifier'] },
  DocumentReference: {
    search: ['_id', 'patient', 'subject', 'encounter', 'type', 'category', 'related', 'date'],
  },
  Practitioner: { search: ['_id', 'identifier', 'name'] },
  PractitionerRole: {
    search: ['_id', 'practitioner', 'organization', 'role'],
    include: ['PractitionerRole:practitioner'],
  },
  Organization: { search: ['_id', 'identifier', 'name'] },
  Location: { search: ['_id', 'name', 'organization'] },
};

/** Canonical of the local `$modify` definition (Oracle Health documents the operation only). */
export const MODIFY_OPERATION = 'https://everydose.dev/fhir/OperationDefinition/ChargeItem-modify';

function interactionsOf(
  profile: EhrProfile,
  type: string,
): CapabilityStatementRestResourceInteraction[] {
  return [
    { code: 'read' },
    { code: 'vread' },
    { code: 'history-instance' },
    { code: 'search-type' },
    ...writesOf(profile, type).map((code) => ({ code })),
  ];
}

export function capabilityStatement(
  urls: DiscoveryUrls,
  open: boolean,
  profile: EhrProfile = 'full',
): CapabilityStatement {
  const security = open
    ? { description: 'Open mode: no authorization (loopback only).' }
    : {
        service: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                code: 'SMART-on-FHIR',
              },
            ],
          },
        ],
        extension: [
          {
            url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
            extension: [
              { url: 'authorize', valueUri: `${urls.issuer}/auth` },
              { url: 'token', valueUri: `${urls.issuer}/token` },
            ],
          },
        ],
      };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    software: {
      name: 'EveryDose local EHR (Medplum in-memory FHIR router)',
      version: `profile ${profile}`,
    },
    implementation: { description: 'Local EHR for development and tests', url: urls.fhirBase },
    rest: [
      {
        mode: 'server',
        security,
        interaction: [{ code: 'batch' }, { code: 'transaction' }],
        resource: Object.entries(RESOURCES)
          .filter(([type]) => listsType(profile, type))
          .map(([type, r]) => {
            const operations = operationsOf(profile, type).map((name) => ({
              name,
              definition: MODIFY_OPERATION,
            }));
            return {
              type: type as ResourceType,
              versioning: 'versioned' as const,
              readHistory: true,
              updateCreate: writesOf(profile, type).includes('update'),
              conditionalCreate: false,
              interaction: interactionsOf(profile, type),
              searchParam: r.search.map((name) => ({ name, type: searchParamType(type, name) })),
              searchInclude: r.include ?? [],
              searchRevInclude: r.revinclude ?? [],
              ...(operations.length > 0 ? { operation: operations } : {}),
            };
          }),
      },
    ],
  };
}

export function smartConfiguration(urls: DiscoveryUrls): Record<string, unknown> {
  return {
    issuer: urls.issuer,
    jwks_uri: `${urls.issuer}/jwks`,
    authorization_endpoint: `${urls.issuer}/auth`,
    token_endpoint: `${urls.issuer}/token`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'launch',
      'launch/patient',
      'launch/encounter',
      'online_access',
      'offline_access',
      'patient/*.rs',
      'patient/*.cruds',
      'user/*.rs',
      'user/*.cruds',
    ],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-ehr-patient',
      'context-ehr-encounter',
      'context-standalone-patient',
      'context-banner',
      'permission-patient',
      'permission-user',
      'permission-offline',
      'permission-online',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
      'authorize-post',
    ],
  };
}
