/** Escaping for the MARCXML writer: character data and double-quoted attribute values. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/** Escapes character data; CR is written as a reference because parsers turn a literal CR into LF. */
export function escapeXmlText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch]!) : text;
}

/** Escapes a double-quoted attribute value (whitespace kept as references: attribute normalisation). */
export function escapeXmlAttribute(text: string): string {
  return /[&<>\r"\t\n]/.test(text) ? text.replace(/[&<>\r"\t\n]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!) : text;
}
