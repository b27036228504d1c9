import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from '../../src/parsers/docx/scanner.js';
import { FIXTURES, SHARED } from '../helpers.js';

/**
 * The .docx reader tokenises XML with its own scanner (src/parsers/docx/scanner.ts) instead of saxes, for
 * speed. These tests hold it to saxes: the same events on every XML part of every real .docx we have, fed in
 * chunks of awkward sizes; and a refusal wherever saxes refuses, on documents broken in the ways that matter.
 */

type Event = string;

/** Adjacent text events are merged: where text is split is not part of what a reader sees. */
function push(out: Event[], e: Event): void {
  const last = out[out.length - 1];
  if (e.startsWith('T') && last?.startsWith('T')) out[out.length - 1] = last + e.slice(1);
  else out.push(e);
}

function open(name: string, attrs: Record<string, string>): Event {
  return `<${name} ${JSON.stringify(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
}

function viaSaxes(xml: string): Event[] {
  const out: Event[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('opentag', (t) => {
    depth++;
    push(out, open(t.name, t.attributes as Record<string, string>));
  });
  p.on('closetag', (t) => {
    depth--;
    push(out, `/${t.name}`);
  });
  // White space around the root is not content (the scanner does not report it).
  p.on('text', (t) => depth > 0 && push(out, `T${t}`));
  p.on('cdata', (t) => push(out, `T${t}`));
  p.on('doctype', () => {
    throw new Error('DOCTYPE');
  });
  p.write(xml).close();
  return out;
}

function viaScanner(xml: string, chunk = Infinity): Event[] {
  const out: Event[] = [];
  const s = new XmlScanner({
    open: (name, attrs) => push(out, open(name, attrs.toObject())),
    close: (name) => push(out, `/${name}`),
    text: (t) => push(out, `T${t}`),
  });
  for (let i = 0; i < xml.length; i += chunk) s.write(xml.slice(i, i + chunk));
  s.close();
  return out;
}

function refuses(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}

function docxFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(docxFiles(p));
    else if (/\.docx$/i.test(name)) out.push(p);
  }
  return out;
}

describe('XmlScanner against saxes', () => {
  const files = [...docxFiles(join(SHARED, 'corpus')), ...docxFiles(join(FIXTURES, 'docx'))];
  const parts: { name: string; xml: string }[] = [];
  for (const f of files) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(readFileSync(f));
    } catch {
      continue; // corrupt on purpose (the corpus keeps a few): not XML to compare
    }
    for (const [n, bytes] of Object.entries(entries)) if (/\.(xml|rels)$/.test(n)) parts.push({ name: `${f}:${n}`, xml: strFromU8(bytes) });
  }

  it('has real documents to compare on', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(parts.length).toBeGreaterThan(200);
  });

  it('gives the same elements, attributes and text on every XML part of every corpus and fixture .docx', () => {
    let compared = 0;
    for (const { name, xml } of parts) {
      let expected: Event[];
      try {
        expected = viaSaxes(xml);
      } catch {
        expect(refuses(() => viaScanner(xml)), name).toBe(true);
        continue;
      }
      expect(viaScanner(xml), name).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('gives the same events whatever the chunk boundaries (mid-tag, mid-entity, mid-CDATA)', () => {
    const xml =
      '<?xml version="1.0"?><!-- c --><w:document xmlns:w="urn:x"><w:body><w:p w:rsid="1"><w:r><w:t xml:space="preserve"> A &amp; B &lt;C&gt; &#x4E2D;&#25991; </w:t></w:r>' +
      '<w:r><w:t><![CDATA[<not a tag> & ]]></w:t></w:r><w:sym w:char="F0B7" w:font=\'Symbol\'/></w:p>\r\n<w:p/></w:body></w:document>';
    const expected = viaSaxes(xml);
    for (const chunk of [1, 2, 3, 5, 7, 11, 64]) expect(viaScanner(xml, chunk), `chunk ${chunk}`).toEqual(expected);
  });

  it('passes on a long text in pieces without changing it', () => {
    const text = '关于做好年度工作的通知&amp;'.repeat(20000);
    const xml = `<a>${text}</a>`;
    expect(viaScanner(xml, 50_000)).toEqual(viaSaxes(xml));
  });

  it('normalises line ends and attribute white space as XML says', () => {
    const xml = '<a b="x\ty\r\nz" c="&#10;">one\r\ntwo\rthree</a>';
    expect(viaScanner(xml)).toEqual(viaSaxes(xml));
  });

  const broken: [string, string][] = [
    ['mismatched end tag', '<a><b></a></b>'],
    ['unclosed root', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>text'],
    ['stray end tag', '</a>'],
    ['undeclared entity', '<a>&nbsp;</a>'],
    ['bad character reference', '<a>&#xZZ;</a>'],
    ['bare ampersand', '<a>A & B</a>'],
    ['< in an attribute value', '<a b="<"/>'],
    ['unquoted attribute value', '<a b=c/>'],
    ['attribute without a value', '<a b/>'],
    ['attributes not separated', '<a b="1"c="2"/>'],
    ['DOCTYPE with an entity', '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>'],
    ['empty document', ''],
    ['unterminated comment', '<a><!-- x </a>'],
    ['unterminated CDATA', '<a><![CDATA[ x </a>'],
    ['undefined markup declaration', '<a><!FOO></a>'],
    ['entity in an attribute never read', '<a b="&bogus;"/>'],
  ];
  for (const [what, xml] of broken) {
    it(`refuses, as saxes does: ${what}`, () => {
      expect(refuses(() => viaSaxes(xml))).toBe(true);
      expect(refuses(() => viaScanner(xml))).toBe(true);
      expect(refuses(() => viaScanner(xml, 3))).toBe(true);
    });
  }

  it('on thousands of randomly damaged real parts: never refuses what saxes accepts, never differs when both accept', () => {
    // Deterministic damage (deletions, stray markup characters, duplicated runs) to real parts. The scanner may
    // accept a little that saxes refuses (a character not allowed in a name, a malformed XML declaration):
    // nothing a reader of Word's XML depends on.
    let seed = 9704;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const small = parts.filter((x) => x.xml.length < 20000);
    const alphabet = '<>/="\'&;: ab!?[]-x#\n';
    let compared = 0;
    for (let it = 0; it < 3000; it++) {
      let x = small[Math.floor(rnd() * small.length)]!.xml;
      for (let m = 1 + Math.floor(rnd() * 3); m > 0; m--) {
        const at = Math.floor(rnd() * x.length);
        const op = rnd();
        if (op < 0.4) x = x.slice(0, at) + x.slice(at + 1 + Math.floor(rnd() * 3));
        else if (op < 0.8) x = x.slice(0, at) + alphabet[Math.floor(rnd() * alphabet.length)] + x.slice(at);
        else x = x.slice(0, at) + x.slice(at, at + 5) + x.slice(at);
      }
      let expected: Event[];
      try {
        expected = viaSaxes(x);
      } catch {
        continue;
      }
      expect(viaScanner(x, 1 + Math.floor(rnd() * 3000))).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('refuses every truncation of a document (a cut-off part is never read as complete)', () => {
    const xml = '<w:document xmlns:w="urn:x"><w:body><w:p><w:r><w:t>正文&amp;</w:t></w:r></w:p></w:body></w:document>';
    for (let n = 0; n < xml.length; n++) expect(refuses(() => viaScanner(xml.slice(0, n))), xml.slice(0, n)).toBe(true);
  });
});
