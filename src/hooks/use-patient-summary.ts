// The patient banner's facts.
import { useQuery } from '@tanstack/react-query';
import { patientSummary } from '../fhir/load/patient-summary.ts';
import { patientQuery } from '../fhir/queries/options.ts';
import { useGateway } from './gateway-context.ts';

export function usePatientSummary() {
  const gateway = useGateway();
  return useQuery({
    ...patientQuery(gateway),
    select: (patient) => (patient ? patientSummary(patient) : null),
  });
}
