/**
 * Charts as inline SVG strings, drawn when the report is written: no script, no CDN, and they print.
 * Every label comes from documents (office names, rule ids), so everything is escaped.
 */

import { thousands } from '../../util/template.js';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const COLORS = { error: '#c0392b', warning: '#e0a100', neutral: '#5b7db1', over: '#c0392b', grid: '#e3e6ea', text: '#26303b', muted: '#6b7785' };

const num = thousands;

/** Rough width of a label in px at 12px: CJK glyphs are square, Latin about half. */
function textWidth(s: string, px = 12): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? px : px * 0.58;
  return w;
}

function clip(s: string, maxPx: number): string {
  if (textWidth(s) <= maxPx) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…') > maxPx) break;
    out += ch;
  }
  return out + '…';
}

export interface BarItem {
  label: string;
  /** Stacked segments, drawn left to right. */
  parts: { value: number; color: string; name: string }[];
  /** Text after the bar (defaults to the total). */
  note?: string;
  href?: string;
}

/** Horizontal stacked bars, one row per item: the form that reads best with long Chinese labels. */
export function hbars(items: BarItem[], opts: { width?: number; labelWidth?: number; title: string }): string {
  const width = opts.width ?? 560;
  const labelW = opts.labelWidth ?? Math.min(200, Math.max(60, ...items.map((i) => textWidth(i.label) + 8)));
  const noteW = 90;
  const rowH = 22;
  const top = 4;
  const barW = width - labelW - noteW;
  const max = Math.max(1, ...items.map((i) => i.parts.reduce((a, p) => a + p.value, 0)));
  const h = top + items.length * rowH + 4;
  const rows = items.map((it, k) => {
    const y = top + k * rowH;
    let x = labelW;
    const total = it.parts.reduce((a, p) => a + p.value, 0);
    const segs = it.parts
      .filter((p) => p.value > 0)
      .map((p) => {
        const w = Math.max(1, (p.value / max) * barW);
        const r = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 7}" fill="${p.color}"><title>${esc(it.label)}：${esc(p.name)} ${num(p.value)}</title></rect>`;
        x += w;
        return r;
      })
      .join('');
    const label = `<text x="${labelW - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" class="lbl">${esc(clip(it.label, labelW - 10))}<title>${esc(it.label)}</title></text>`;
    const note = `<text x="${x + 5}" y="${y + rowH / 2 + 4}" class="num">${esc(it.note ?? num(total))}</text>`;
    const row = label + segs + note;
    return it.href ? `<a href="${esc(it.href)}">${row}</a>` : row;
  });
  return `<svg class="chart" role="img" aria-label="${esc(opts.title)}" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

export interface ColumnItem {
  label: string;
  parts: { value: number; color: string; name: string }[];
  href?: string;
}

/** Vertical stacked columns over an ordered axis (years). */
export function columns(items: ColumnItem[], opts: { width?: number; height?: number; title: string }): string {
  const width = opts.width ?? 560;
  const height = opts.height ?? 220;
  const left = 44;
  const bottom = 34;
  const top = 16;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...items.map((i) => i.parts.reduce((a, p) => a + p.value, 0)));
  const step = items.length ? plotW / items.length : plotW;
  const colW = Math.max(3, Math.min(40, step * 0.7));
  const ticks = [0, 0.5, 1].map((f) => {
    const y = top + plotH - f * plotH;
    return `<line x1="${left}" x2="${width - 8}" y1="${y}" y2="${y}" stroke="${COLORS.grid}"/><text x="${left - 4}" y="${y + 4}" text-anchor="end" class="num">${num(Math.round(f * max))}</text>`;
  });
  const labelEvery = Math.max(1, Math.ceil(items.length / Math.floor(plotW / 34)));
  const cols = items.map((it, k) => {
    const cx = left + step * k + step / 2;
    let y = top + plotH;
    const total = it.parts.reduce((a, p) => a + p.value, 0);
    const segs = it.parts
      .filter((p) => p.value > 0)
      .map((p) => {
        const hgt = (p.value / max) * plotH;
        y -= hgt;
        return `<rect x="${(cx - colW / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${colW.toFixed(1)}" height="${hgt.toFixed(1)}" fill="${p.color}"><title>${esc(it.label)}：${esc(p.name)} ${num(p.value)}</title></rect>`;
      })
      .join('');
    const lbl = k % labelEvery === 0 ? `<text x="${cx}" y="${top + plotH + 16}" text-anchor="middle" class="lbl">${esc(clip(it.label, step * labelEvery - 2))}</text>` : '';
    const val = total > 0 && colW >= 14 ? `<text x="${cx}" y="${y - 3}" text-anchor="middle" class="num">${num(total)}</text>` : '';
    const g = segs + lbl + val;
    return it.href ? `<a href="${esc(it.href)}">${g}</a>` : g;
  });
  return `<svg class="chart" role="img" aria-label="${esc(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${ticks.join('')}${cols.join('')}</svg>`;
}

/** A 字数 histogram with the cap marked: bins past the cap are red. */
export function histogram(g: { counts: number[]; edges: number[]; cap: number | null; label: string }, opts: { width?: number; height?: number }): string {
  const width = opts.width ?? 560;
  const height = opts.height ?? 190;
  const left = 36;
  const bottom = 30;
  const top = 18;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const n = g.counts.length;
  const max = Math.max(1, ...g.counts);
  const bw = plotW / n;
  const bars = g.counts.map((c, i) => {
    const hgt = (c / max) * plotH;
    const x = left + i * bw;
    const over = g.cap !== null && g.edges[i]! >= g.cap;
    const range = i === n - 1 ? `≥${num(g.edges[i]!)}` : `${num(g.edges[i]!)}–${num(g.edges[i + 1]! - 1)}`;
    return `<rect x="${(x + 1).toFixed(1)}" y="${(top + plotH - hgt).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${hgt.toFixed(1)}" fill="${over ? COLORS.over : COLORS.neutral}"><title>${esc(range)} 字：${num(c)} 份</title></rect>${c > 0 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${(top + plotH - hgt - 3).toFixed(1)}" text-anchor="middle" class="num">${num(c)}</text>` : ''}`;
  });
  const labels = g.edges
    .filter((_, i) => i < n && (n <= 10 || i % 2 === 0))
    .map((e) => {
      const i = g.edges.indexOf(e);
      return `<text x="${(left + i * bw).toFixed(1)}" y="${top + plotH + 14}" text-anchor="middle" class="num">${num(e)}</text>`;
    });
  let capLine = '';
  if (g.cap !== null) {
    const i = g.edges.findIndex((e) => e >= g.cap!);
    const x = left + (i >= 0 ? i : n) * bw;
    capLine = `<line x1="${x}" x2="${x}" y1="${top - 6}" y2="${top + plotH}" stroke="${COLORS.over}" stroke-dasharray="4 3" stroke-width="1.5"/><text x="${x + 4}" y="${top + 2}" class="cap">上限 ${num(g.cap)} 字</text>`;
  }
  return `<svg class="chart" role="img" aria-label="${esc(g.label)} 字数分布" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><line x1="${left}" x2="${width - 10}" y1="${top + plotH}" y2="${top + plotH}" stroke="${COLORS.grid}"/>${bars.join('')}${labels.join('')}${capLine}<text x="${width - 10}" y="${height - 2}" text-anchor="end" class="num">字数</text></svg>`;
}
