// The signed Claim as a FHIR JSON file for a billing system, when the server cannot take it.
import type { Claim } from 'fhir/r4';

export interface DownloadFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** File names carry only the encounter id and date: no names or other PHI. */
export function exportBaseName(encounter: string | null, dateOfService: string): string {
  const id = encounter?.split('/').pop() ?? 'no-encounter';
  return `claim-${id.replace(/[^A-Za-z0-9.-]/g, '_')}-${dateOfService}`;
}

export function claimJsonFile(
  claim: Claim,
  encounter: string | null,
  dateOfService: string,
): DownloadFile {
  const { id: _id, meta: _meta, ...portable } = claim;
  return {
    filename: `${exportBaseName(encounter, dateOfService)}.json`,
    mimeType: 'application/fhir+json',
    content: `${JSON.stringify(portable, null, 2)}\n`,
  };
}
