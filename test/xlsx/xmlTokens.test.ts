/**
 * The XML tokeniser of the package reader (src/xlsx/xmlTokens.ts): the events a SAX parser
 * gives on well-formed XML, whatever the pieces it is fed in, and a refusal of everything
 * that is not well-formed (or is a document type declaration).
 */
import { XmlError, XmlTokenizer } from '../../src/xlsx/xmlTokens';

/** The events of `xml` fed in pieces of `step` characters, as one list of strings. */
function events(xml: string, step = xml.length): string[] {
  const out: string[] = [];
  const tokens = new XmlTokenizer({
    open: (name, attrs) => out.push(`<${name}${Object.entries(attrs).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}>`),
    text: (t) => {
      // Text may come in several events; joined here as a parser's user would.
      if (out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] = JSON.stringify(JSON.parse(out[out.length - 1]) + t);
      else out.push(JSON.stringify(t));
    },
    close: (name) => out.push(`</${name}>`),
  });
  for (let i = 0; i < xml.length; i += step) tokens.write(xml.slice(i, i + step));
  tokens.close();
  return out;
}

const refused = (xml: string) => {
  try {
    events(xml);
  } catch (e) {
    return e instanceof XmlError;
  }
  return false;
};

const CELL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- a comment -->' +
  '<x:worksheet xmlns:x="urn:x"><sheetData><row r="1"><c r="A1" s=\'3\' t="s"><v>12</v></c>' +
  '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;&#x4E2D;&#25991;&gt; </t></is></c>' +
  '<c r="C1" t="str"><f>A1&amp;"x"</f><v><![CDATA[<raw> & ]]></v></c></row></sheetData>' +
  '<mergeCells count="1"><mergeCell ref="A1:B1" /></mergeCells></x:worksheet>\n';

const EXPECTED = [
  '<worksheet xmlns:x="urn:x">', '<sheetData>', '<row r="1">', '<c r="A1" s="3" t="s">', '<v>', '"12"', '</v>', '</c>',
  '<c r="B1" t="inlineStr">', '<is>', '<t xml:space="preserve">', '" a & b <中文> "', '</t>', '</is>', '</c>',
  '<c r="C1" t="str">', '<f>', '"A1&\\"x\\""', '</f>', '<v>', '"<raw> & "', '</v>', '</c>', '</row>', '</sheetData>',
  '<mergeCells count="1">', '<mergeCell ref="A1:B1">', '</mergeCell>', '</mergeCells>', '</worksheet>',
];

describe('XmlTokenizer', () => {
  it('gives tags without prefixes, attributes as written, text with references decoded and CDATA as it is', () => {
    expect(events(CELL)).toEqual(EXPECTED);
  });

  it('gives the same events whatever pieces the text comes in, down to one character at a time', () => {
    for (const step of [1, 2, 3, 7, 16, 64]) expect(events(CELL, step)).toEqual(EXPECTED);
  });

  it('reads line ends in text as \\n and tabs or line ends in attribute values as spaces, as XML says', () => {
    expect(events('<a b="x\r\ny\tz"><t>1\r\n2\r3&#13;</t></a>')).toEqual(['<a b="x y z">', '<t>', '"1\\n2\\n3\\r"', '</t>', '</a>']);
  });

  it('refuses XML that is not well-formed', () => {
    for (const bad of [
      '', '   ', '<a>', '<a></b>', '<a><b></a></b>', '<a/><b/>', 'text<a/>', '<a/>text', '<a b="1" b="2"/>', '<a b=1/>',
      '<a b="<"/>', '<a b="1"c="2"/>', '<a b/>', '< a/>', '<1a/>', '<a>&bogus;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>',
      '<a>& b</a>', '<a>\u0000</a>', '<a b="\u0001"/>', '<a>]]></a>', '<a><!-- x -- y --></a>', '<a><![CDATA[x</a>',
      '<a><?pi', '<a', '<a b="x', '</a>', '<![CDATA[x]]><a/>',
    ]) expect([bad, refused(bad)]).toEqual([bad, true]);
  });

  it('refuses a document type declaration: no entity is ever expanded', () => {
    expect(refused('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>')).toBe(true);
    expect(refused('<x><!DOCTYPE x></x>')).toBe(true);
  });
});
