// The injection sites the nurse picks from (issue 15 §5; injection-pump-rules R26.3): plain
// words on screen, SNOMED CT body structures in the record, so R25.4 can compare an injection's
// site with the IV access site by code.
import type { InjectionSite } from '../../fhir/write/medication-administration.ts';

export const INJECTION_SITES: readonly InjectionSite[] = [
  { code: '368208006', words: 'Left upper arm' },
  { code: '368209003', words: 'Right upper arm' },
  { code: '68505006', words: 'Left lower abdomen' },
  { code: '48544008', words: 'Right lower abdomen' },
  { code: '61396006', words: 'Left thigh' },
  { code: '11207009', words: 'Right thigh' },
  { code: '723979003', words: 'Left buttock' },
  { code: '723980000', words: 'Right buttock' },
];
