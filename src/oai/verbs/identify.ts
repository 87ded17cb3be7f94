import type { OaiContext, VerbResult } from '../context.js';
import { formatDatestamp } from '../dates.js';
import { escapeText } from '../xml.js';

const OAI_IDENTIFIER_NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';

/**
 * §4.2. Everything from config but earliestDatestamp (the oldest datestamp in the store, or the
 * current time for an empty store). Deleted records are kept for good: deletedRecord persistent.
 */
export async function identify(ctx: OaiContext): Promise<VerbResult> {
  const { config, store, clock } = ctx.deps;
  const oai = config.oai;
  const now = clock.now();
  const earliest = (await store.records.earliestDatestamp()) ?? now;
  const parts = [
    '<Identify>\n',
    `<repositoryName>${escapeText(oai.repositoryName)}</repositoryName>\n`,
    `<baseURL>${escapeText(ctx.baseUrl)}</baseURL>\n`,
    '<protocolVersion>2.0</protocolVersion>\n',
    ...oai.adminEmails.map((email) => `<adminEmail>${escapeText(email)}</adminEmail>\n`),
    `<earliestDatestamp>${formatDatestamp(earliest)}</earliestDatestamp>\n`,
    '<deletedRecord>persistent</deletedRecord>\n',
    '<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n',
    '<compression>gzip</compression>\n',
    '<compression>deflate</compression>\n',
    '<description>',
    `<oai-identifier xmlns="${OAI_IDENTIFIER_NS}" xsi:schemaLocation="${OAI_IDENTIFIER_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">`,
    '<scheme>oai</scheme>',
    `<repositoryIdentifier>${escapeText(oai.repositoryIdentifier)}</repositoryIdentifier>`,
    '<delimiter>:</delimiter>',
    `<sampleIdentifier>${escapeText(ctx.identifier('1'))}</sampleIdentifier>`,
    '</oai-identifier>',
    '</description>\n',
    '</Identify>\n',
  ];
  return { responseDate: now, parts };
}
