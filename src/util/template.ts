/** Fills `{{name}}` placeholders. Unknown names are left visible so a missing datum is noticed. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** 5213 → "5,213" as people write counts in Chinese documents. */
export function thousands(n: number): string {
  // Not toLocaleString: loading ICU's locale data costs more at start-up than the whole lint of a short draft.
  const [int, frac] = String(n).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}
