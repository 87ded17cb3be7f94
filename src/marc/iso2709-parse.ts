/**
 * One ISO 2709 record (bytes up to and including its 0x1D terminator) -> a repaired MarcRecord.
 *
 * Fields are located by the first of these that fits, each later one with a warning:
 * 1. the directory as the standard says: byte lengths and offsets, every field ending on a field
 *    terminator;
 * 2. for UTF-8 data, the directory counted in characters instead of bytes (exports that measured
 *    decoded strings, e.g. Boston University's Alma records);
 * 3. the field terminators, taking the tags from the directory in order, as Catmandu does
 *    (oversize fields, off-by-one lengths); only when the directory has exactly as many entries as
 *    there are fields.
 * Otherwise the record is a failure ("broken directory").
 *
 * Never throws on bad data: the outcome is a failure with a reason.
 */
import { fieldDecoder, type FieldDecoder } from './charset.js';
import type { DataField, MarcField, Subfield } from './record.js';
import { repairRecord, type RepairedRecord } from './repair.js';

export const RECORD_TERMINATOR = 0x1d;
export const FIELD_TERMINATOR = 0x1e;
export const SUBFIELD_DELIMITER = 0x1f;
const LEADER_LENGTH = 24;
const ENTRY_LENGTH = 12;

/** `directoryHeld`: every directory entry matched a field (bytes or characters), so nothing is cut off. */
export type ParseOutcome = ({ ok: true; directoryHeld: boolean } & RepairedRecord) | { ok: false; reason: string };

interface FieldSpan {
  readonly tag: string;
  /** Absolute offsets in the record, field terminator excluded. */
  readonly start: number;
  readonly end: number;
}

export function parseIso2709(record: Buffer): ParseOutcome {
  const warnings: string[] = [];
  if (record.length < LEADER_LENGTH + 2) {
    return { ok: false, reason: `truncated record: ${record.length} bytes, too short for a leader and a directory` };
  }
  const leader = record.toString('latin1', 0, LEADER_LENGTH);
  const end = record[record.length - 1] === RECORD_TERMINATOR ? record.length - 1 : record.length;

  const declaredLength = leader.slice(0, 5);
  if (!/^\d{5}$/.test(declaredLength)) warnings.push(`non-numeric record length ${JSON.stringify(declaredLength)} ignored`);
  else if (Number(declaredLength) !== record.length) {
    warnings.push(`record length ${declaredLength} in the leader, ${record.length} bytes up to the record terminator`);
  }

  const directoryEnd = record.indexOf(FIELD_TERMINATOR, LEADER_LENGTH);
  if (directoryEnd < 0 || directoryEnd >= end) {
    return { ok: false, reason: 'broken directory: no field terminator after the directory' };
  }
  const base = directoryEnd + 1;
  const declaredBase = leader.slice(12, 17);
  if (!/^\d{5}$/.test(declaredBase) || Number(declaredBase) !== base) {
    warnings.push(`base address ${JSON.stringify(declaredBase)} in the leader, directory ends at ${base}`);
  }
  const directory = readDirectory(record, directoryEnd);
  if (directory.length === 0) return { ok: false, reason: 'broken directory: no entries' };

  const decoder = fieldDecoder(record, leader[9]!);
  const area = { record, base, end };
  const byDirectory =
    byByteOffsets(area, directory, decoder, warnings) ??
    (decoder.charset === 'utf8' ? byCharacterOffsets(area, directory, decoder, warnings) : undefined);
  const fields = byDirectory ?? byTerminators(area, directory, decoder, warnings);
  if (typeof fields === 'string') return { ok: false, reason: fields };
  warnings.push(...decoder.warnings());
  return { ok: true, directoryHeld: byDirectory !== undefined, ...repairRecord(leader, fields, warnings) };
}

interface DirectoryEntry {
  readonly tag: string;
  /** Undefined when the entry's digits are not digits. */
  readonly length?: number;
  readonly offset?: number;
}

/** The data area of a record: [base, end), end excluding the record terminator. */
interface DataArea {
  readonly record: Buffer;
  readonly base: number;
  readonly end: number;
}

/**
 * Entries are 12 characters: tag, 4-digit length, 5-digit offset. Writers that overflow those
 * widths (records over 99,999 bytes, fields over 9,999) write 5-digit lengths or 6-digit offsets
 * and shift every later entry; such an entry is recognised by its offset continuing the previous
 * field (offset = previous offset + previous length) and read at its real width.
 */
function readDirectory(record: Buffer, directoryEnd: number): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  const text = record.toString('latin1', LEADER_LENGTH, directoryEnd);
  let expected = 0;
  let at = 0;
  while (at + ENTRY_LENGTH <= text.length) {
    const tag = text.slice(at, at + 3);
    const [lengthWidth, offsetWidth] = ENTRY_WIDTHS.find(([lw, ow]) => numberAt(text, at + 3, lw) !== undefined && numberAt(text, at + 3 + lw, ow) === expected) ?? [4, 5];
    const length = numberAt(text, at + 3, lengthWidth);
    const offset = numberAt(text, at + 3 + lengthWidth, offsetWidth);
    entries.push(length === undefined || offset === undefined ? { tag } : { tag, length, offset });
    if (length !== undefined && offset !== undefined) expected = offset + length;
    at += 3 + lengthWidth + offsetWidth;
  }
  if (at !== text.length) entries.push({ tag: '' }); // leftover bytes: makes strict reading fail
  return entries;
}

/** [length digits, offset digits], the standard first. */
const ENTRY_WIDTHS: readonly (readonly [number, number])[] = [[4, 5], [4, 6], [5, 5], [5, 6]];

function numberAt(text: string, at: number, width: number): number | undefined {
  if (at + width > text.length) return undefined;
  let n = 0;
  for (let k = at; k < at + width; k++) {
    const digit = text.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return n;
}

/** 1. The standard way; undefined when any entry does not fit. */
function byByteOffsets(area: DataArea, directory: readonly DirectoryEntry[], decoder: FieldDecoder, warnings: string[]): MarcField[] | undefined {
  const { record, base, end } = area;
  const spans: { tag: string; start: number; end: number }[] = [];
  for (const { tag, length, offset } of directory) {
    if (length === undefined || offset === undefined || length < 1) return undefined;
    const start = base + offset;
    const stop = start + length;
    if (stop > end || record[stop - 1] !== FIELD_TERMINATOR) return undefined;
    spans.push({ tag, start, end: stop - 1 });
  }
  return spans.map((span) => fieldFromBytes(record, span.tag, span.start, span.end, decoder, warnings));
}

/** 2. Lengths and offsets counted in decoded characters; undefined when any entry does not fit. */
function byCharacterOffsets(area: DataArea, directory: readonly DirectoryEntry[], decoder: FieldDecoder, warnings: string[]): MarcField[] | undefined {
  const text = decoder.decode(area.base, area.end);
  const pieces: { tag: string; text: string }[] = [];
  for (const { tag, length, offset } of directory) {
    if (length === undefined || offset === undefined || length < 1) return undefined;
    if (offset + length > text.length || text.charCodeAt(offset + length - 1) !== FIELD_TERMINATOR) return undefined;
    pieces.push({ tag, text: text.slice(offset, offset + length - 1) });
  }
  warnings.push('directory counts characters, not bytes: fields read by character offsets');
  return pieces.map(({ tag, text: fieldText }) => fieldFromText(tag, fieldText, warnings));
}

/** 3. Split at field terminators, tags from the directory in order; a string is the failure reason. */
function byTerminators(area: DataArea, directory: readonly DirectoryEntry[], decoder: FieldDecoder, warnings: string[]): MarcField[] | string {
  const { record, base, end } = area;
  const spans: { start: number; end: number }[] = [];
  let start = base;
  while (start < end) {
    let stop = record.indexOf(FIELD_TERMINATOR, start);
    if (stop < 0 || stop > end) stop = end;
    spans.push({ start, end: stop });
    start = stop + 1;
  }
  const tags = directory.map((entry) => entry.tag).filter((tag) => tag !== '');
  if (spans.length !== tags.length) return `broken directory: ${tags.length} entries but ${spans.length} fields in the data`;
  warnings.push('directory does not match the data: fields recovered from field terminators');
  return spans.map((span, k) => fieldFromBytes(record, tags[k]!, span.start, span.end, decoder, warnings));
}

/** Indicators are read as single bytes, so a stray 8-bit indicator cannot disturb the MARC-8 decoder. */
function fieldFromBytes(record: Buffer, tag: string, start: number, end: number, decoder: FieldDecoder, warnings: string[]): MarcField {
  if (tag.startsWith('00')) return { tag, value: decoder.decode(start, end) };
  const indicators: string[] = [];
  let from = start;
  while (indicators.length < 2 && from < end && record[from] !== SUBFIELD_DELIMITER) {
    indicators.push(String.fromCharCode(record[from]!)); // non-ASCII shows as Latin-1 in the repair warning
    from++;
  }
  if (indicators.length < 2) warnings.push(`${tag}: ${indicators.length === 0 ? 'no indicators' : 'only one indicator'}, missing ones set to blank`);
  const [ind1 = ' ', ind2 = ' '] = indicators;
  // Subfields are cut on the bytes: 0x1F never occurs inside a UTF-8 or MARC-8 character, and the
  // code byte after it is ASCII whatever set the MARC-8 text had switched to.
  let next = record.indexOf(SUBFIELD_DELIMITER, from);
  if (next < 0 || next > end) next = end;
  if (next > from) warnings.push(`${tag}: data before the first subfield dropped (${JSON.stringify(decoder.decode(from, next).slice(0, 40))})`);
  const subfields: Subfield[] = [];
  while (next < end) {
    const codeAt = next + 1;
    next = record.indexOf(SUBFIELD_DELIMITER, codeAt);
    if (next < 0 || next > end) next = end;
    if (codeAt >= next) {
      subfields.push({ code: '', value: '' });
      continue;
    }
    subfields.push({ code: String.fromCharCode(record[codeAt]!), value: decoder.decode(codeAt + 1, next) });
  }
  return { tag, ind1, ind2, subfields };
}

function fieldFromText(tag: string, text: string, warnings: string[]): MarcField {
  if (tag.startsWith('00')) return { tag, value: text };
  const delimiter = text.indexOf('\x1f');
  const indicatorCount = Math.min(2, delimiter < 0 ? text.length : delimiter);
  const indicators = [...text.slice(0, indicatorCount)];
  if (indicators.length < 2) warnings.push(`${tag}: ${indicators.length === 0 ? 'no indicators' : 'only one indicator'}, missing ones set to blank`);
  const [ind1 = ' ', ind2 = ' '] = indicators;
  const parts = text.slice(indicatorCount).split('\x1f');
  if (parts[0]) warnings.push(`${tag}: data before the first subfield dropped (${JSON.stringify(parts[0].slice(0, 40))})`);
  const subfields: Subfield[] = [];
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!;
    const code = part.length ? String.fromCodePoint(part.codePointAt(0)!) : '';
    subfields.push({ code, value: part.slice(code.length) });
  }
  return { tag, ind1, ind2, subfields };
}
