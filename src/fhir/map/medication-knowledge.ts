// MedicationKnowledge in the input → a ReferenceData overlay that takes precedence for its NDC
// (contract §2.3): code (NDC + HCPCS), amount, ingredient.strength, packaging.type.
import Decimal from 'decimal.js';
import type { ContainerType, Presentation, ReferenceData } from '../../reference/types.ts';
import { CONTAINER_TYPE_SYSTEM } from '../extensions.ts';
import type { RawResource } from '../references.ts';
import type { MedicationKnowledgeR } from '../schemas/medication.ts';
import { parseResource } from '../schemas/parse.ts';
import { normalizeNdc } from '../../reference/ndc.ts';
import { decimalQuantity, hcpcsCodesOf, isNdcSystem, ndcKnownIn, perMl } from './codes.ts';

const VOLUME_UNITS = new Set(['mL', 'ml']);

function containerType(mk: MedicationKnowledgeR): ContainerType | undefined {
  const code = mk.packaging?.type?.coding?.find((c) => c.system === CONTAINER_TYPE_SYSTEM)?.code;
  return code === 'single-dose' || code === 'multi-dose' ? code : undefined;
}

export function presentationsFromKnowledge(
  base: ReferenceData,
  mk: MedicationKnowledgeR,
): Presentation[] {
  const out: Presentation[] = [];
  const ingredients = mk.ingredient ?? [];
  const strength =
    ingredients.find((i) => i.isActive === true && i.strength)?.strength ??
    ingredients.find((i) => i.strength)?.strength;
  const concentration = perMl(strength);
  const amount = decimalQuantity(mk.amount);
  const hcpcs = hcpcsCodesOf(mk.code)[0];
  for (const c of mk.code?.coding ?? []) {
    if (!isNdcSystem(c.system) || !c.code) continue;
    const ndc11 = normalizeNdc(c.code, ndcKnownIn(base));
    if (!ndc11) continue;
    const prior = base.productByNdc(ndc11);
    const p: Presentation = {
      ndc11,
      hcpcs: hcpcs ?? prior?.hcpcs ?? '',
      amount: prior?.amount ?? { value: '0', unit: '' },
      container: containerType(mk) ?? prior?.container ?? null,
      marketed: mk.status !== 'inactive' && mk.status !== 'entered-in-error',
      ndcUnit:
        prior?.ndcUnit ??
        (concentration || (amount && VOLUME_UNITS.has(amount.unit)) ? 'ML' : 'UN'),
    };
    if (prior?.volumeMl) p.volumeMl = prior.volumeMl;
    if (prior?.concentrationPerMl) p.concentrationPerMl = prior.concentrationPerMl;
    if (concentration) p.concentrationPerMl = concentration;
    if (amount && VOLUME_UNITS.has(amount.unit)) {
      p.volumeMl = amount.value;
      if (p.concentrationPerMl) {
        p.amount = {
          value: new Decimal(p.concentrationPerMl.value).mul(amount.value).toString(),
          unit: p.concentrationPerMl.unit,
        };
      }
    } else if (amount) {
      p.amount = amount;
    }
    out.push(p);
  }
  return out;
}

/** Overlay: the input's MedicationKnowledge wins for its NDCs; everything else is `base`. */
export function medicationKnowledgeOverlay(
  base: ReferenceData,
  resources: readonly RawResource[],
): ReferenceData {
  const byNdc = new Map<string, Presentation>();
  for (const r of resources) {
    const parsed = parseResource('MedicationKnowledge', r);
    if (!parsed.ok) continue;
    for (const p of presentationsFromKnowledge(base, parsed.value)) byNdc.set(p.ndc11, p);
  }
  if (byNdc.size === 0) return base;
  return {
    ...base,
    productByNdc: (ndc11) => byNdc.get(ndc11) ?? base.productByNdc(ndc11),
    presentationsForHcpcs: (hcpcs) => {
      const own = [...byNdc.values()].filter((p) => p.hcpcs === hcpcs && p.marketed);
      const rest = base.presentationsForHcpcs(hcpcs).filter((p) => !byNdc.has(p.ndc11));
      return [...own, ...rest];
    },
    hcpcsForNdc: (ndc11, dos) => {
      const own = byNdc.get(ndc11);
      return own?.hcpcs ? [own.hcpcs] : base.hcpcsForNdc(ndc11, dos);
    },
  };
}
