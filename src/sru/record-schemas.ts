/**
 * Record schemas searchRetrieve can return: short names, URIs and the aliases other servers use
 * (Koha's `marc`, DNB's `MARC21-xml`), all resolving to one of three renderings. dc and mods are
 * the same crosswalks the OAI provider serves (deps.crosswalks); marcxml is the stored record with
 * its items as 952 fields.
 */
export type SchemaName = 'marcxml' | 'dc' | 'mods';

export interface RecordSchema {
  readonly name: SchemaName;
  /** The identifier written in responses (recordSchema) and explain. */
  readonly identifier: string;
  readonly title: string;
  /** Crosswalk that produces it; undefined for MARCXML. */
  readonly crosswalk?: string;
  readonly location: string;
}

export const RECORD_SCHEMAS: readonly RecordSchema[] = [
  { name: 'marcxml', identifier: 'info:srw/schema/1/marcxml-v1.1', title: 'MARC21 XML (MARCXML) with items in 952', location: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd' },
  { name: 'dc', identifier: 'info:srw/schema/1/dc-v1.1', title: 'Dublin Core (SRW dc-schema)', crosswalk: 'srw_dc', location: 'http://www.loc.gov/standards/sru/resources/dc-schema.xsd' },
  { name: 'mods', identifier: 'info:srw/schema/1/mods-v3.7', title: 'MODS 3.7', crosswalk: 'mods', location: 'http://www.loc.gov/standards/mods/v3/mods-3-7.xsd' },
];

/** Lower-cased alias -> schema name. */
const ALIASES: ReadonlyMap<string, SchemaName> = new Map([
  ['marcxml', 'marcxml'], ['marc21', 'marcxml'], ['marc', 'marcxml'], ['marc21-xml', 'marcxml'], ['marc21xml', 'marcxml'],
  ['marc21slim', 'marcxml'], ['info:srw/schema/1/marcxml-v1.1', 'marcxml'], ['info:srw/schema/1/marcxml-v1.1-light', 'marcxml'],
  ['http://www.loc.gov/marc21/slim', 'marcxml'],
  ['dc', 'dc'], ['srw_dc', 'dc'], ['info:srw/schema/1/dc-v1.1', 'dc'], ['info:srw/schema/1/dc-schema', 'dc'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['mods', 'mods'], ['http://www.loc.gov/mods/v3', 'mods'],
  ...['3.0', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7'].map((v): [string, SchemaName] => [`info:srw/schema/1/mods-v${v}`, 'mods']),
]);

export function resolveSchema(requested: string): RecordSchema | undefined {
  const name = ALIASES.get(requested.trim().toLowerCase());
  return name ? RECORD_SCHEMAS.find((s) => s.name === name) : undefined;
}

export function schemaByName(name: SchemaName): RecordSchema {
  return RECORD_SCHEMAS.find((s) => s.name === name)!;
}
