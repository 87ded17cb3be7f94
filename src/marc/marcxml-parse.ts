/**
 * One MARCXML <record> element (text) -> a repaired MarcRecord, or a failure with a reason.
 *
 * Parsed with saxes, a strict SAX parser: the record must be well-formed on its own (characters
 * XML forbids, undefined entities and bad character references are errors, as XML 1.0 says; DTD
 * entities are never expanded, external ones never fetched) and must have a leader and a tag on
 * every field. Namespace prefixes are ignored (marc:record and record alike); unknown elements are
 * skipped with a warning.
 *
 * Values are taken as they are (MARCXML is Unicode: no MARC-8 conversion, no normalisation), except
 * for the repairs of repair.ts. Never throws on bad data.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { MarcField, Subfield } from './record.js';
import { repairRecord, type RepairedRecord } from './repair.js';

export type ParseOutcome = ({ ok: true } & RepairedRecord) | { ok: false; reason: string };

/** A record-level problem (missing leader or tag); XML syntax errors come from saxes itself. */
class RecordError extends Error {}

export function parseMarcXmlRecord(xml: string): ParseOutcome {
  const builder = new RecordBuilder();
  const parser = new SaxesParser({ xmlns: false });
  let syntaxError: Error | undefined;
  parser.on('error', (error) => {
    syntaxError ??= error;
    throw error; // stop at the first error: what follows it is not worth reading
  });
  parser.on('opentag', (tag) => builder.open(tag));
  parser.on('closetag', (tag) => builder.close(tag));
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  try {
    parser.write(xml).close();
    return { ok: true, ...builder.finish() };
  } catch (error) {
    if (syntaxError) return { ok: false, reason: `not well-formed XML: ${syntaxError.message}` };
    if (error instanceof RecordError) return { ok: false, reason: error.message };
    return { ok: false, reason: `internal error while parsing: ${(error as Error).message}` };
  }
}

/** Without its namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Follows the element nesting record > leader | controlfield | datafield > subfield, collecting
 * text where a value is expected; anything else inside the record is skipped with a warning.
 */
class RecordBuilder {
  private readonly warnings: string[] = [];
  private readonly fields: MarcField[] = [];
  private leader: string | undefined;
  /** Open elements below (and including) <record>, by local name. */
  private readonly path: string[] = [];
  /** Depth at which an unknown element's subtree started; -1 when not skipping. */
  private skipFrom = -1;
  private value: string | undefined;
  private tag = '';
  private ind1 = ' ';
  private ind2 = ' ';
  private code = '';
  private subfields: Subfield[] = [];

  open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    if (this.skipFrom >= 0) return;
    if (this.value !== undefined) throw new RecordError(`element <${name}> inside a ${parent} value`);
    const attributes = tag.attributes;
    if (parent === undefined) {
      if (name !== 'record') throw new RecordError(`<${name}> is not a record`);
    } else if (parent === 'record' && name === 'leader') {
      this.value = '';
    } else if (parent === 'record' && name === 'controlfield') {
      this.tag = requiredTag(attributes, name);
      this.value = '';
    } else if (parent === 'record' && name === 'datafield') {
      this.tag = requiredTag(attributes, name);
      this.ind1 = this.indicator(attributes, 'ind1');
      this.ind2 = this.indicator(attributes, 'ind2');
      this.subfields = [];
    } else if (parent === 'datafield' && name === 'subfield') {
      this.code = attributes.code ?? '';
      this.value = '';
    } else {
      this.warnings.push(`unknown element <${name}> in ${parent} ignored`);
      this.skipFrom = this.path.length;
    }
  }

  close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const depth = this.path.length;
    this.path.pop();
    if (this.skipFrom >= 0) {
      if (depth === this.skipFrom) this.skipFrom = -1;
      return;
    }
    const value = this.value ?? '';
    this.value = undefined;
    if (name === 'leader') {
      if (this.leader === undefined) this.leader = value;
      else this.warnings.push('second leader ignored');
    } else if (name === 'controlfield') {
      this.fields.push({ tag: this.tag, value });
    } else if (name === 'subfield') {
      this.subfields.push({ code: this.code, value });
    } else if (name === 'datafield') {
      this.fields.push({ tag: this.tag, ind1: this.ind1, ind2: this.ind2, subfields: this.subfields });
    }
  }

  text(text: string): void {
    if (this.value !== undefined && this.skipFrom < 0) this.value += text;
  }

  finish(): RepairedRecord {
    if (this.leader === undefined) throw new RecordError('record has no leader');
    return repairRecord(this.leader, this.fields, this.warnings);
  }

  private indicator(attributes: Record<string, string>, name: 'ind1' | 'ind2'): string {
    const value = attributes[name];
    if (value !== undefined) return value;
    this.warnings.push(`${this.tag}: ${name} missing, set to blank`);
    return ' ';
  }
}

function requiredTag(attributes: Record<string, string>, element: string): string {
  const tag = attributes.tag;
  if (tag === undefined) throw new RecordError(`${element} without tag attribute`);
  return tag;
}
