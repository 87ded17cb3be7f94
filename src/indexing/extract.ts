import { isControlField, type DataField, type MarcField, type MarcRecord } from '../marc/record.js';
import type { CompiledIndex, CompiledSource } from './index-map.js';

/**
 * Tags whose indicator counts leading characters to ignore when filing ("The ", "Les ").
 * Value: which indicator holds the count.
 */
const NONFILING_INDICATOR: Readonly<Record<string, 'ind1' | 'ind2'>> = {
  '130': 'ind1', '630': 'ind1', '730': 'ind1', '740': 'ind1',
  '222': 'ind2', '240': 'ind2', '242': 'ind2', '243': 'ind2', '245': 'ind2', '440': 'ind2', '830': 'ind2',
};

/** One value an index takes from a record: the text as catalogued and the text to file under. */
export interface ExtractedValue {
  readonly text: string;
  readonly filing: string;
}

/**
 * A record's fields grouped by tag (880 vernacular fields under their linked tag), in record order:
 * built once per record so that each index source looks up its tag instead of scanning every field.
 */
export interface FieldsByTag {
  readonly all: readonly TaggedField[];
  readonly byTag: ReadonlyMap<string, readonly TaggedField[]>;
}

interface TaggedField {
  readonly tag: string;
  readonly field: MarcField;
}

export function fieldsByTag(record: MarcRecord): FieldsByTag {
  const all: TaggedField[] = [];
  const byTag = new Map<string, TaggedField[]>();
  for (const field of record.fields) {
    const entry = { tag: isControlField(field) ? field.tag : effectiveTag(field), field };
    all.push(entry);
    const list = byTag.get(entry.tag);
    if (list) list.push(entry);
    else byTag.set(entry.tag, [entry]);
  }
  return { all, byTag };
}

const NO_FIELDS: readonly TaggedField[] = [];

/** Every value of one index in a record, in record order (880 vernacular fields count as their linked tag). */
export function extractValues(record: MarcRecord, index: CompiledIndex, fields: FieldsByTag = fieldsByTag(record)): ExtractedValue[] {
  const out: ExtractedValue[] = [];
  if (index.anywhere) {
    for (const field of record.fields) {
      if (isControlField(field)) continue;
      const text = joinSubfields(field, undefined);
      if (text) out.push({ text, filing: text });
    }
    return out;
  }
  for (const source of index.sources) {
    if (source.tag === 'LDR') {
      pushRange(out, record.leader, source);
      continue;
    }
    const exact = !source.tag.includes('X');
    const candidates = exact ? (fields.byTag.get(source.tag) ?? NO_FIELDS) : fields.all;
    for (const { tag, field } of candidates) {
      if (isControlField(field)) {
        if (exact || source.tagPattern.test(field.tag)) pushRange(out, field.value, source);
        continue;
      }
      if ((!exact && !source.tagPattern.test(tag)) || source.range) continue;
      if (source.ind1 !== undefined && field.ind1 !== source.ind1) continue;
      if (source.ind2 !== undefined && field.ind2 !== source.ind2) continue;
      if (SINGLE_VALUE_TYPES.has(index.config.type)) {
        // Codes and numbers: each subfield is a value of its own (041 $a eng $h fre is two languages).
        for (const text of subfieldTexts(field, source.subfields)) out.push({ text, filing: text });
        continue;
      }
      const text = joinSubfields(field, source.subfields);
      if (!text) continue;
      out.push({ text, filing: skipNonfiling(tag, field, text, source.subfields) });
    }
  }
  return out;
}

/** An 880 field counts as the field it is linked to ($6 "245-01/$1" -> 245). */
function effectiveTag(field: DataField): string {
  if (field.tag !== '880') return field.tag;
  const link = field.subfields.find((sf) => sf.code === '6')?.value;
  const linked = link ? /^(\d{3})/.exec(link)?.[1] : undefined;
  return linked ?? field.tag;
}

/** Index types whose values are codes or numbers, never text spanning subfields. */
const SINGLE_VALUE_TYPES: ReadonlySet<string> = new Set(['identifier', 'isbn', 'issn', 'date', 'number']);

function subfieldTexts(field: DataField, codes: string | undefined): string[] {
  return field.subfields
    .filter((sf) => sf.code !== '6' && sf.code !== '8' && (codes !== undefined ? codes.includes(sf.code) : /[a-z]/.test(sf.code)))
    .map((sf) => sf.value.trim())
    .filter(Boolean);
}

function joinSubfields(field: DataField, codes: string | undefined): string {
  const parts: string[] = [];
  for (const sf of field.subfields) {
    if (sf.code === '6' || sf.code === '8') continue; // linkage, not content
    if (codes !== undefined ? codes.includes(sf.code) : /[a-z]/.test(sf.code)) parts.push(sf.value.trim());
  }
  return parts.filter(Boolean).join(' ');
}

function pushRange(out: ExtractedValue[], value: string, source: CompiledSource): void {
  const text = source.range ? value.slice(source.range[0], source.range[1] + 1) : value;
  const trimmed = text.trim();
  if (trimmed && !/^[|#\s]+$/.test(trimmed)) out.push({ text: trimmed, filing: trimmed });
}

function skipNonfiling(tag: string, field: DataField, text: string, codes: string | undefined): string {
  const indicator = NONFILING_INDICATOR[tag];
  if (!indicator) return text;
  const count = Number(field[indicator]);
  const first = field.subfields.find((sf) => sf.code !== '6' && sf.code !== '8');
  // The count applies to the start of $a; only meaningful when $a leads the extracted text.
  if (!count || first?.code !== 'a' || (codes !== undefined && !codes.includes('a'))) return text;
  return text.slice(count);
}
