/** The MARC module's public API: import from here, not from the files behind it. */
export * from './record.js';
export * from './fields.js';
export { readIso2709 } from './iso2709-reader.js';
export { readMarcXml } from './marcxml-reader.js';
export { readMarcFile, detectFormat, type MarcFormat } from './read-file.js';
export { toMarcXml, toMarcXmlCollection, marcXmlCollection, MARC21_NAMESPACE, type MarcXmlOptions } from './marcxml-write.js';
export { toIso2709 } from './iso2709-write.js';
export { repairRecord } from './repair.js';
export { decodeMarc8 } from './marc8.js';
export type { MarcInput } from './input.js';
