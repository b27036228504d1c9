/** Fills `{{name}}` placeholders. Unknown names are left visible so a missing datum is noticed. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** 5213 → "5,213" as people write counts in Chinese documents. */
export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}
