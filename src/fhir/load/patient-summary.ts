// Patient banner facts: name, birth date, gender, MRN.
import type { HumanName, Patient } from 'fhir/r4';

export interface PatientSummary {
  name: string;
  birthDate: string | undefined;
  gender: string | undefined;
  mrn: string | undefined;
}

function nameText(names: HumanName[] | undefined): string | undefined {
  const n =
    names?.find((x) => x.use === 'official') ?? names?.find((x) => x.use === 'usual') ?? names?.[0];
  if (!n) return undefined;
  if (n.text) return n.text;
  const parts = [...(n.given ?? []), n.family].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function patientSummary(patient: Patient): PatientSummary {
  const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
  return {
    name: nameText(patient.name) ?? 'Name not recorded',
    birthDate: patient.birthDate,
    gender: patient.gender,
    mrn,
  };
}
