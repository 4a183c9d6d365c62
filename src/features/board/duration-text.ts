// The board's own words for a span of time (issue 17 §2). The chairs themselves come from the
// FHIR mapper, src/fhir/map/board-chairs.ts.

/** "2 h 05 min", "45 min", "more than a day". */
export function durationText(minutes: number): string {
  if (minutes >= 24 * 60) return 'more than a day';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}
