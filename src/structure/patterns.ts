/**
 * Shapes of 公文 elements, written once and shared by the structure pass and the rules. All match on the
 * normalised (simplified, width-folded) text.
 */

/** ○ (U+25CB) stands in for 〇 in many typed dates; accept it so that the structure pass finds such a 成文日期. */
export const CN_DIGITS = '〇零○一二三四五六七八九十百';

/** 发文字号: 国办发〔2019〕12号, also loose forms with other brackets, so that doc-number can flag them. */
export const DOC_NUMBER = /([\u4e00-\u9fa5]{1,20}?)(?:字)?\s*([〔\[［(（【﹝]\s*)(\d{2,4})(\s*[〕\]］)）】﹞])\s*(第?)\s*(\d+)\s*(号?)/;

/** A line that is only a 发文字号 (optionally followed by 签发人); 号 may be missing, so that doc-number can flag it. */
export const DOC_NUMBER_LINE = /^[\u4e00-\u9fa5]{1,20}?[〔\[［(（【﹝]\s*\d{2,4}\s*[〕\]］)）】﹞]\s*第?\s*\d+\s*(?:号|(?=[\s\u3000签]|$))/;

export const SIGNER = /签\s*发\s*人\s*[:：]\s*(.*)$/;

export const SECRECY = /^(绝密|机密|秘密)(?:\s*[★*☆]\s*\S*)?$/;
export const URGENCY = /^(特急|加急|特提|平急)$/;
export const COPY_NUMBER = /^\d{6}$/;

export const DATE_ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
export const DATE_CHINESE = new RegExp(`^([${CN_DIGITS}]{4})\\s*年\\s*([${CN_DIGITS}]{1,3})\\s*月\\s*([${CN_DIGITS}]{1,3})\\s*日$`);

export const CC = /^抄\s*送\s*[:：]/;
export const PRINTED = /(\d{4}|[${CN_DIGITS}]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*印\s*发$/;
/** 附件说明 in the body: "附件：1. …" */
export const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;
/** The heading of an attached document after the 成文日期: "附件", "附件1", "附件2：" */
export const ATTACHMENT_HEAD = /^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?$/;
export const NOTE = /^[（(][^（()）]*[）)]$/;

/** 正文 heading markers, levels 1–4 (GB/T 9704-2012 7.3.3). */
export const HEADING_MARKERS: { level: 1 | 2 | 3 | 4; re: RegExp }[] = [
  { level: 1, re: /^[一二三四五六七八九十]{1,3}、/ },
  { level: 2, re: /^[（(][一二三四五六七八九十]{1,3}[）)]/ },
  { level: 3, re: /^\d{1,2}[.．、](?!\d)/ },
  { level: 4, re: /^[（(]\d{1,2}[）)]/ },
];

const [LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4] = HEADING_MARKERS.map((m) => m.re) as [RegExp, RegExp, RegExp, RegExp];

export function headingLevelOf(text: string): 1 | 2 | 3 | 4 | undefined {
  // The markers start with different characters (a numeral, a bracket, a digit): the first one says which
  // marker to try, in the order of HEADING_MARKERS, instead of trying all four on every line of the body.
  const c = text.charCodeAt(0);
  if (c === 0xff08 || c === 0x28) return LEVEL_2.test(text) ? 2 : LEVEL_4.test(text) ? 4 : undefined;
  if (c >= 0x30 && c <= 0x39) return LEVEL_3.test(text) ? 3 : undefined;
  return LEVEL_1.test(text) ? 1 : undefined;
}

/** Sentence ends inside a paragraph. */
export const SENTENCE_END = /[。！？!?；;]/;

/**
 * Splits a text into sentences: [start, end) offsets. A closing quote or bracket right after the end mark
 * stays with its sentence.
 */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('。！？!?；;'.includes(ch)) {
      let end = i + 1;
      while (end < text.length && '”’）)」』'.includes(text[end]!)) end++;
      out.push([start, end]);
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}
