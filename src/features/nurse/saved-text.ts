// What the chair's live region says once an entry is saved (issue 17 §5: every tap confirms
// what was saved): "Saved: stop time 11:42 AM for paclitaxel", "Saved: waste 20 mg of
// oxaliplatin", "Saved: injection of pegfilgrastim", "Saved: pump disconnect". Said only after
// the server accepted the write; an entry kept for a later try says so.
import type { NurseFallbackResult } from '../../fhir/write/nurse-channels.ts';
import type { AdministrationRow } from '../../fhir/map/chair-model.ts';
import { amountText } from './chair-text.ts';
import { formatClock } from './local-time.ts';
import type { NurseChange } from '../../fhir/write/medication-administration.ts';

const clock = (iso: string | undefined): string => formatClock(iso) ?? 'not recorded';

/**
 * An entry in words, lower case after "Saved: ": the change made on a record, or (no change)
 * the record created. `row` is the record (the server's answer for a sent entry), read by the
 * chair model for its drug and kind.
 */
export function entryWords(change: NurseChange | undefined, row: AdministrationRow): string {
  const name = row.drug.name;
  if (change) {
    switch (change.kind) {
      case 'start':
        return `start time ${clock(change.at)} for ${name}`;
      case 'stop':
        if (row.kind === 'pump-start') return `pump end ${clock(change.at)} for ${name}`;
        return `${change.stoppedEarly ? 'stopped early at' : 'stop time'} ${clock(change.at)} for ${name}`;
      case 'waste':
        return `waste ${amountText(change.discarded.value, change.discarded.unit)} of ${name}`;
      case 'correct':
        return `${change.field} time corrected to ${clock(change.at)} for ${name}`;
    }
  }
  switch (row.kind) {
    case 'injection':
      return row.onBodyInjector
        ? `injection of ${name} with an on-body injector`
        : `injection of ${name}`;
    case 'port-flush':
      return 'port flush';
    case 'pump-refill':
      return 'pump refill';
    case 'pump-disconnect':
      return 'pump disconnect';
    case 'pump-start':
      return `pump start ${clock(row.start)} for ${name}`;
    case 'infusion':
    case 'push':
    case 'not-coded-route':
    case 'unknown-route':
      return `start time ${clock(row.start)} for ${name}`;
  }
}

export type SavedState = 'sent' | 'held' | 'noted';

/** The live region's sentence for an entry's outcome; undefined when nothing was saved. */
export function savedSentence(
  state: SavedState,
  words: string,
  result?: NurseFallbackResult,
): string | undefined {
  switch (state) {
    case 'sent':
      return `Saved: ${words}.`;
    case 'held':
      return `Saved on this device, not yet sent: ${words}.`;
    case 'noted':
      // A chart note is saved in the EHR; a printed list is not (docs/write-back.md).
      return result?.channel === 'clinical-note'
        ? `Saved as a note in the chart, not in the MAR: ${words}.`
        : undefined;
  }
}
