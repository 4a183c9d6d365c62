// NDC normalisation to the 11-digit 5-4-2 form billed on claims (drug-wastage R-29).

/**
 * '0006-3026-02' → '00006302602'; '61703-339-22' → '61703033922'; '12345-6789-1' →
 * '12345678901'; 11 bare digits pass through; 10 bare digits are ambiguous → undefined.
 */
export function normalizeNdc(raw: string): string | undefined {
  const s = raw.trim();
  const parts = s.split(/[-\s]/).filter(Boolean);
  if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
    const [a = '', b = '', c = ''] = parts;
    if (a.length === 5 && b.length === 4 && c.length === 2) return a + b + c;
    if (a.length === 4 && b.length === 4 && c.length === 2) return `0${a}${b}${c}`;
    if (a.length === 5 && b.length === 3 && c.length === 2) return `${a}0${b}${c}`;
    if (a.length === 5 && b.length === 4 && c.length === 1) return `${a}${b}0${c}`;
    return undefined;
  }
  if (/^\d{11}$/.test(s)) return s;
  return undefined;
}

/** 11 digits → '00006-3026-02' for people. */
export function formatNdc(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}
