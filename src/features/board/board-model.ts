// The charge nurse's board model (issue 17 §2): the chairs come from the FHIR mapper
// (fhir/map/board-chairs.ts, which reads the resources); this file adds the board's own words.
export {
  boardChairs,
  elapsedMinutes,
  mlPerHour,
  plannedEnd,
  type BoardChair,
  type BoardDrug,
} from '../../fhir/map/board-chairs.ts';

/** "2 h 05 min", "45 min", "more than a day". */
export function durationText(minutes: number): string {
  if (minutes >= 24 * 60) return 'more than a day';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}
