// Who the patient is: shown unless the EHR already shows its own banner.
export interface PatientBannerProps {
  name: string;
  birthDate: string | undefined;
  gender: string | undefined;
  mrn: string | undefined;
}

export function PatientBanner({ name, birthDate, gender, mrn }: PatientBannerProps) {
  return (
    <section className="patient-banner" aria-label="Patient">
      <strong className="patient-name">{name}</strong>
      <dl>
        <div>
          <dt>Born</dt>
          <dd>{birthDate ?? 'not recorded'}</dd>
        </div>
        <div>
          <dt>Gender</dt>
          <dd>{gender ?? 'not recorded'}</dd>
        </div>
        <div>
          <dt>MRN</dt>
          <dd>{mrn ?? 'not recorded'}</dd>
        </div>
      </dl>
    </section>
  );
}
