// Contract §2.6: which claim an encounter's lines are for. The one derivation used by the
// engine, the planned-dose checks and the entries made only of input issues.
import type { EngineContext, PatientInput, Setting } from './types.ts';

/** Contract §2.6: config, else place of service, else the existing claim's type, else professional. */
export function deriveSetting(
  patient: PatientInput,
  encounter: string | null,
  ctx: Pick<EngineContext, 'config'>,
): Setting {
  if (ctx.config.setting) return ctx.config.setting;
  const enc = encounter ? patient.encounters.find((e) => e.ref === encounter) : undefined;
  if (enc?.settingFromLocation) return enc.settingFromLocation;
  const claim = patient.claims.find(
    (c) => c.use === 'claim' && c.encounter === encounter && c.type,
  );
  if (claim?.type === 'institutional') return 'facility';
  return 'professional';
}
