import type { CrosswalkSpec } from './registry.js';

/** A crosswalk shipped with libgate, with what protocol layers need to advertise it. */
export interface BuiltinCrosswalk extends CrosswalkSpec {
  /** Namespace of the output's root element (OAI ListMetadataFormats metadataNamespace). */
  readonly namespace: string;
  /** Schema URL, as in the output's xsi:schemaLocation (OAI ListMetadataFormats schema). */
  readonly schema: string;
}

/** The stylesheets in xslt/ and the formats they produce; paths are relative to the install root. */
export const BUILTIN_CROSSWALKS: readonly BuiltinCrosswalk[] = [
  {
    name: 'oai_dc',
    xslFile: 'xslt/marc21-to-oai_dc.xsl',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  },
  {
    // SRU record schema info:srw/schema/1/dc-v1.1
    name: 'srw_dc',
    xslFile: 'xslt/marc21-to-srw_dc.xsl',
    namespace: 'info:srw/schema/1/dc-schema',
    schema: 'http://www.loc.gov/standards/sru/resources/dc-schema.xsd',
  },
  {
    name: 'mods',
    xslFile: 'xslt/marc21-to-mods.xsl',
    namespace: 'http://www.loc.gov/mods/v3',
    schema: 'http://www.loc.gov/standards/mods/v3/mods-3-7.xsd',
  },
];
