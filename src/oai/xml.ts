/** The OAI-PMH envelope and the pieces every verb shares (headers, tokens). */
import { escapeAttribute, escapeText } from '../xml/escape.js';
import { formatDatestamp } from './dates.js';
import type { OaiError } from './errors.js';

export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** XML declaration, root element, responseDate and request (§3.2). `echo` undefined: no attributes. */
export function envelopeHead(responseDate: Date, baseUrl: string, echo: ReadonlyArray<readonly [string, string]> | undefined): string {
  const attributes = (echo ?? []).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<OAI-PMH xmlns="${OAI_NAMESPACE}" xmlns:xsi="${XSI}" xsi:schemaLocation="${OAI_NAMESPACE} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n`
    + `<responseDate>${formatDatestamp(responseDate)}</responseDate>\n`
    + `<request${attributes}>${escapeText(baseUrl)}</request>\n`;
}

export const ENVELOPE_TAIL = '</OAI-PMH>\n';

export function errorElements(errors: readonly OaiError[]): string {
  return errors.map((e) => `<error code="${e.code}">${escapeText(e.message)}</error>\n`).join('');
}

export function headerElement(identifier: string, datestamp: Date, deleted: boolean, setSpecs: readonly string[]): string {
  const specs = setSpecs.map((s) => `<setSpec>${escapeText(s)}</setSpec>`).join('');
  return `<header${deleted ? ' status="deleted"' : ''}><identifier>${escapeText(identifier)}</identifier>`
    + `<datestamp>${formatDatestamp(datestamp)}</datestamp>${specs}</header>`;
}

export { escapeAttribute, escapeText };
