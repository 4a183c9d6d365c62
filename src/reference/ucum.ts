// Unit factors from a maintained UCUM implementation (@lhncbc/ucum-lhc), injected into the
// engine through ReferenceData.unitFactor so the engine stays pure and synchronous.
// ucum-lhc computes in binary floating point (0.25 mg → 250.00000000000003 ug), which would
// bill 11 units of 25 mcg instead of 10 (drug-wastage R-05). So only the factor for one unit is
// taken from it, rounded to 12 significant digits, and the engine multiplies exactly.
import type { ReferenceData } from './types.ts';

export interface UcumConverter {
  convertUnitTo(
    fromUnit: string,
    value: number,
    toUnit: string,
  ): { status: string; toVal: number | null };
}

/** UCUM spellings the engine sees that UCUM itself does not accept. */
const ALIASES: Record<string, string> = {
  mcg: 'ug',
  cc: 'mL',
  IU: '[iU]',
  units: '[iU]',
  unit: '[iU]',
};

export function ucumUnitFactor(
  ucum: UcumConverter,
): (from: string, to: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (from, to) => {
    const key = `${from}→${to}`;
    if (cache.has(key)) return cache.get(key);
    let factor: string | undefined;
    try {
      const r = ucum.convertUnitTo(ALIASES[from] ?? from, 1, ALIASES[to] ?? to);
      if (r.status === 'succeeded' && r.toVal !== null && Number.isFinite(r.toVal) && r.toVal > 0) {
        factor = String(Number(r.toVal.toPrecision(12)));
      }
    } catch {
      factor = undefined;
    }
    cache.set(key, factor);
    return factor;
  };
}

/** The same reference data, with unit conversion answered by UCUM. */
export function withUnitFactor(
  ref: ReferenceData,
  unitFactor: (from: string, to: string) => string | undefined,
): ReferenceData {
  return { ...ref, unitFactor };
}

/** Node or lazy browser use: load ucum-lhc on demand (≈290 KB minified, ≈60 KB gzip). */
export async function loadUcumUnitFactor(): Promise<
  (from: string, to: string) => string | undefined
> {
  const mod = await import('@lhncbc/ucum-lhc');
  return ucumUnitFactor(mod.UcumLhcUtils.getInstance());
}
