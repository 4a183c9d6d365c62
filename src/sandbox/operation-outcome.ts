// OperationOutcome bodies for the local EHR's errors (plain words, no PHI).
import type { OperationOutcome } from '@medplum/fhirtypes';

type IssueCode =
  | 'security'
  | 'forbidden'
  | 'login'
  | 'throttled'
  | 'exception'
  | 'invalid'
  | 'not-supported'
  | 'not-found'
  | 'conflict'
  | 'transient';

export function outcome(code: IssueCode, text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text } }],
  };
}
