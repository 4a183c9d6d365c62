// Planned-dose warnings → CDS Hooks cards (billing-rules P-1–P-8): the clinician's warnings only
// (P-8), worst first; critical for an expired or missing authorization on a drug that needs one.
import { randomUUID } from 'node:crypto';
import type { FhirResource, MedicationRequest } from 'fhir/r4';
import type { PlannedResult, PlannedWarning, WarningCode } from '../engine/index.ts';
import type { Card, Coding } from './cds-types.ts';

export const WARNING_CODE_SYSTEM = 'https://everydose.dev/fhir/CodeSystem/warning-code';
export const OVERRIDE_SYSTEM = 'https://everydose.dev/fhir/CodeSystem/cds-override-reason';
const SOURCE = { label: 'EveryDose' };
const CRITICAL = new Set(['AUTH_EXPIRED', 'AUTH_MISSING']);

export const OVERRIDE_REASONS: Coding[] = [
  {
    system: OVERRIDE_SYSTEM,
    code: 'renewal-requested',
    display: 'Authorization renewal requested',
  },
  { system: OVERRIDE_SYSTEM, code: 'payer-approved', display: 'Payer approved, not yet on file' },
  {
    system: OVERRIDE_SYSTEM,
    code: 'clinically-urgent',
    display: 'Clinically urgent: giving anyway',
  },
  { system: OVERRIDE_SYSTEM, code: 'not-applicable', display: 'Does not apply to this patient' },
];

export interface CardContext {
  patientId: string;
  encounterId?: string;
  /** The app's SMART launch URL (the EHR adds iss and launch). */
  appLaunchUrl: string;
  /** Draft orders by 'MedicationRequest/<id>', for suggestions that change them. */
  drafts: Map<string, MedicationRequest>;
}

export function indicatorOf(w: PlannedWarning): Card['indicator'] {
  if (CRITICAL.has(w.code)) return 'critical';
  return w.severity === 'info' ? 'info' : 'warning';
}

function money(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function detailOf(r: PlannedResult, w: PlannedWarning): string {
  const dose = r.dose.dose ? `${r.dose.dose.value} ${r.dose.dose.unit}` : 'no dose on the order';
  const billed =
    r.hcpcs && r.units !== undefined
      ? `${r.hcpcs} × ${r.units}${r.amount !== undefined ? ` (${money(r.amount)})` : ''}`
      : 'not known';
  const lines = [
    w.message,
    '',
    w.amountAtStake !== undefined
      ? `**At stake:** ${money(w.amountAtStake)}`
      : w.severity !== 'info'
        ? '**At stake:** not known (no payment amount for the drug on that date)'
        : '',
    `**Planned:** ${r.drugName}, ${dose}, on ${r.dose.date}`,
    `**Billed as:** ${billed}`,
    `**Records:** ${w.sources.map((s) => `\`${s}\``).join(', ')}`,
    `**Warning code:** \`${w.code}\``,
  ];
  return lines
    .filter((l, i) => l !== '' || i === 1)
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

function suggestionOf(w: PlannedWarning, r: PlannedResult, ctx: CardContext): Card['suggestions'] {
  const draft = ctx.drafts.get(r.dose.ref);
  if (!w.suggestion || !draft) return undefined;
  const changed = structuredClone(draft);
  const first = changed.dosageInstruction?.[0]?.doseAndRate?.[0];
  if (!first?.doseQuantity) return undefined;
  first.doseQuantity = { ...first.doseQuantity, value: Number(w.suggestion.dose.value) };
  return [
    {
      label: w.suggestion.label,
      uuid: randomUUID(),
      isRecommended: true,
      actions: [
        {
          type: 'update',
          description: w.suggestion.label,
          resource: changed as FhirResource,
        },
      ],
    },
  ];
}

export function cardsFor(results: readonly PlannedResult[], ctx: CardContext): Card[] {
  const appContext = JSON.stringify({
    patient: ctx.patientId,
    ...(ctx.encounterId ? { encounter: ctx.encounterId } : {}),
  });
  const cards: { card: Card; rank: number; stake: number }[] = [];
  for (const r of results) {
    for (const w of r.warnings) {
      if (w.audience !== 'clinician') continue; // P-8: no coder-only items for the orderer
      const card: Card = {
        uuid: randomUUID(),
        summary: w.summary.slice(0, 140),
        indicator: indicatorOf(w),
        detail: detailOf(r, w),
        source: { ...SOURCE, topic: { system: WARNING_CODE_SYSTEM, code: w.code } },
        links: [
          {
            label: 'Open EveryDose for this patient',
            url: ctx.appLaunchUrl,
            type: 'smart',
            appContext,
          },
        ],
      };
      const suggestions = suggestionOf(w, r, ctx);
      if (suggestions) {
        card.suggestions = suggestions;
        card.selectionBehavior = 'at-most-one';
      }
      if (card.indicator !== 'info') card.overrideReasons = OVERRIDE_REASONS;
      const rank = { critical: 0, warning: 1, info: 2 }[card.indicator];
      cards.push({ card, rank, stake: w.amountAtStake ?? 0 });
    }
  }
  return cards.sort((a, b) => a.rank - b.rank || b.stake - a.stake).map((c) => c.card);
}

/** "Could not be read" (never silent): which data the checks went without. */
export function unreadableCard(labels: readonly string[], ctx: CardContext): Card | undefined {
  if (labels.length === 0) return undefined;
  return {
    uuid: randomUUID(),
    summary:
      `EveryDose could not read ${labels.length === 1 ? labels[0] : `${labels.length} kinds of data`}; its checks may be incomplete`.slice(
        0,
        140,
      ),
    indicator: 'warning',
    detail: `These could not be read, so warnings that depend on them may be missing (unknown, not "none"):\n\n${labels.map((l) => `- ${l}`).join('\n')}`,
    source: {
      ...SOURCE,
      topic: { system: WARNING_CODE_SYSTEM, code: 'CDS_DATA_UNREADABLE' satisfies WarningCode },
    },
    links: [
      {
        label: 'Open EveryDose for this patient',
        url: ctx.appLaunchUrl,
        type: 'smart',
        appContext: JSON.stringify({ patient: ctx.patientId }),
      },
    ],
  };
}
