import { escapeText } from '../xml/escape.js';

/**
 * The shape Koha's XML::Simple output has, as data: each key becomes an element; an array repeats
 * its key's element; a nested object nests; undefined and null are left out; every text is escaped
 * (Koha's hand-built GetAvailability was not: ours is).
 */
export type XmlValue = string | number | null | undefined | XmlTree | readonly XmlValue[];
export interface XmlTree {
  readonly [name: string]: XmlValue;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" ?>';

/** A whole response document: Koha's declaration, the root, two-space indentation. */
export function renderDocument(root: string, tree: XmlTree): string {
  const out: string[] = [XML_DECLARATION, '\n'];
  renderElement(out, root, tree, '');
  return out.join('');
}

function renderElement(out: string[], name: string, value: XmlValue, indent: string): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const entry of value as readonly XmlValue[]) renderElement(out, name, entry, indent);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as XmlTree).filter(([, child]) => present(child));
    if (entries.length === 0) {
      out.push(indent, '<', name, '></', name, '>\n');
      return;
    }
    out.push(indent, '<', name, '>\n');
    for (const [child, childValue] of entries) renderElement(out, child, childValue, `${indent}  `);
    out.push(indent, '</', name, '>\n');
    return;
  }
  out.push(indent, '<', name, '>', escapeText(String(value)), '</', name, '>\n');
}

/** Null, undefined and empty lists make no element. */
function present(value: XmlValue): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** XML 1.0 Name (ASCII subset is enough for verb names): used to decide whether a client's service string can be a root. */
export function isXmlName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(text);
}
