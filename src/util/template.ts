const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A template cut at its placeholders once: [literal, name, placeholder as written, literal, name, …]. Every
 * finding fills one, so the pattern is not run again over the same rule message for each of them.
 */
const compiled = new Map<string, string[]>();

function compile(template: string): string[] {
  const parts: string[] = [];
  let last = 0;
  // Through replace, as fill did before: a rule whose template is missing fails with the same message.
  template.replace(PLACEHOLDER, (m: string, k: string, at: number) => {
    parts.push(template.slice(last, at), k, m);
    last = at + m.length;
    return m;
  });
  parts.push(template.slice(last));
  return parts;
}

/** Fills `{{name}}` placeholders. Unknown names are left visible so a missing datum is noticed. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = compile(template);
    // Templates come from rules' messages (a bounded set); anything else filled in bulk should not grow this.
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : parts[i + 1]!) + parts[i + 2]!;
  }
  return out;
}

/** 5213 → "5,213" as people write counts in Chinese documents. */
export function thousands(n: number): string {
  // Not toLocaleString: loading ICU's locale data costs more at start-up than the whole lint of a short draft.
  const [int, frac] = String(n).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}
