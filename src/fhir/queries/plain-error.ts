// Words for people when a query fails. FhirError messages are already plain and carry no
// PHI; anything else gets a generic sentence (never a stack trace).
import { isFhirError } from '../gateway.ts';

export function plainErrorMessage(error: unknown): string {
  if (isFhirError(error)) return error.message;
  if (error instanceof Error && error.message.startsWith('EveryDose')) return error.message;
  return 'Something went wrong while loading. Try again, or launch EveryDose again from the chart.';
}
