// Which local calendar day an instant falls on (the device's time zone: the clinic's day).

/** Whether an ISO instant falls on the same local calendar day as `day`. */
export function isSameLocalDay(iso: string | undefined, day: Date): boolean {
  if (!iso) return false;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return false;
  const d = new Date(ms);
  return (
    d.getFullYear() === day.getFullYear() &&
    d.getMonth() === day.getMonth() &&
    d.getDate() === day.getDate()
  );
}
