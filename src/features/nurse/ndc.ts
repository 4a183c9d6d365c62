// NDC to the 11-digit 5-4-2 form (drug-wastage R-29): a leading zero on the short segment.
export function ndc11(raw: string): string {
  const parts = raw.trim().split('-');
  if (parts.length === 3) {
    const [a = '', b = '', c = ''] = parts;
    return `${a.padStart(5, '0')}${b.padStart(4, '0')}${c.padStart(2, '0')}`;
  }
  return raw.replace(/\D/g, '');
}

/** 00006-3026-02 for people who read NDCs off a carton. */
export function formatNdc(ndc: string): string {
  const d = ndc11(ndc);
  return d.length === 11 ? `${d.slice(0, 5)}-${d.slice(5, 9)}-${d.slice(9)}` : ndc;
}
