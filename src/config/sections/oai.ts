import { z } from 'zod';

/** OAI-PMH's pattern for metadataPrefix and setSpec components (unreserved URI characters). */
export const OAI_TOKEN_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+$/;
/** A setSpec: components separated by colons (a:b:c). */
export const SET_SPEC_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+(?::[A-Za-z0-9\-_.!~*'()]+)*$/;

/**
 * One metadata format, with the keys of Koha's OAI configuration file (OAI-PMH:ConfFile) so a Koha
 * administrator can bring theirs. Without `xsl_file` the format is the stored MARCXML itself
 * (marc21, marcxml); with it, the stylesheet turns the MARCXML into the format (relative paths are
 * relative to the config file). `include_items: 1` embeds the record's items as 952 fields.
 */
export const oaiFormatSchema = z.strictObject({
  metadataPrefix: z.string().regex(OAI_TOKEN_PATTERN, 'expected a metadataPrefix (letters, digits, - _ . ! ~ * \' ( ))'),
  metadataNamespace: z.url(),
  schema: z.url(),
  xsl_file: z.string().min(1).optional(),
  include_items: z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === 1 || v === true).default(false),
});

/**
 * How a set's members are found. A discriminated union so the CQL rule (a query the SRU engine's
 * CQL-to-SQL compiler turns into a predicate) sits beside the simple ones.
 * - field: a MARC field (TAG, TAG$codes, or TAG/start-end for the leader (LDR) and control fields)
 *   whose value equals one of `values` (or matches `pattern`, a regular expression), case-insensitively.
 * - library: the record has an item whose home or holding library is one of `codes`.
 * - cql: a CQL query, turned into a SQL predicate by the SRU engine (src/sru/cql-to-sql.ts); a
 *   query it cannot translate is a start-up error naming the set.
 */
export const setRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('field'),
    field: z.string().regex(/^(LDR|[0-9]{3})(\$[0-9a-z]+|\/[0-9]+(-[0-9]+)?)?$/, 'expected TAG, TAG$codes or TAG/start-end, e.g. 655$a or LDR/06'),
    values: z.array(z.string()).min(1).optional(),
    pattern: z.string().min(1).optional(),
  }).refine((r) => (r.values === undefined) !== (r.pattern === undefined), 'give exactly one of values or pattern'),
  z.strictObject({
    kind: z.literal('library'),
    codes: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({
    kind: z.literal('cql'),
    query: z.string().min(1),
  }),
]);

export type SetRule = z.infer<typeof setRuleSchema>;

export const oaiSetSchema = z.strictObject({
  spec: z.string().regex(SET_SPEC_PATTERN, 'expected a setSpec like a or a:b'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Without a rule the set only groups its descendants (a:b, a:c). */
  rule: setRuleSchema.optional(),
});

export type OaiSet = z.infer<typeof oaiSetSchema>;
export type OaiFormat = z.infer<typeof oaiFormatSchema>;

const DEFAULT_FORMATS = {
  marc21: {
    metadataPrefix: 'marc21',
    metadataNamespace: 'http://www.loc.gov/MARC21/slim',
    schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
    include_items: true,
  },
  oai_dc: {
    metadataPrefix: 'oai_dc',
    metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    xsl_file: '../xslt/marc21-to-oai_dc.xsl',
    include_items: false,
  },
};

/** OAI-PMH data provider settings. */
export const oaiSchema = z.strictObject({
  enabled: z.boolean().default(true),
  repositoryName: z.string().min(1).default('libgate'),
  /** The namespace-identifier part of oai:<repositoryIdentifier>:<local id> (a domain name). */
  repositoryIdentifier: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/, 'expected a domain name, e.g. catalogue.example.org').default('libgate.example.org'),
  /** The schema wants a dot in the domain (\S+@(\S+\.)+\S+). */
  adminEmails: z.array(z.string().regex(/^\S+@(\S+\.)+\S+$/, 'expected an e-mail address with a dotted domain')).min(1).default(['admin@libgate.example.org']),
  pageSize: z.strictObject({
    records: z.number().int().min(1).max(10000).default(200),
    identifiers: z.number().int().min(1).max(100000).default(1000),
  }).default({ records: 200, identifiers: 1000 }),
  /**
   * HMAC key for resumption tokens (at least 32 characters). Also from the environment
   * (LIBGATE_OAI_TOKEN_SECRET). Without either, one is generated once and kept in the database.
   */
  tokenSecret: z.string().min(32).optional(),
  /** Keyed by a name (Koha's layout); the name is not the prefix, metadataPrefix is. */
  formats: z.record(z.string(), oaiFormatSchema).default(DEFAULT_FORMATS)
    .refine((formats) => new Set(Object.values(formats).map((f) => f.metadataPrefix)).size === Object.keys(formats).length, 'two formats have the same metadataPrefix')
    .refine((formats) => Object.values(formats).some((f) => f.metadataPrefix === 'oai_dc'), 'OAI-PMH requires an oai_dc format'),
  sets: z.array(oaiSetSchema).default([])
    .refine((sets) => new Set(sets.map((s) => s.spec)).size === sets.length, 'a setSpec is declared twice'),
});

export type OaiConfig = z.infer<typeof oaiSchema>;
