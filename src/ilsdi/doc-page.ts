import { escapeAttribute, escapeText } from '../xml/escape.js';
import { SERVICES, type ServiceName, type ServiceSpec } from './services.js';

/** One example request per verb, against the sample data (docs/ilsdi.md has the same ones with curl). */
const EXAMPLES: Record<ServiceName, string> = {
  GetAvailability: 'service=GetAvailability&id=2+36+97&id_type=bib',
  GetRecords: 'service=GetRecords&id=36',
  GetAuthorityRecords: 'service=GetAuthorityRecords&id=1',
  LookupPatron: 'service=LookupPatron&id=23529000445172&id_type=cardnumber',
  AuthenticatePatron: 'service=AuthenticatePatron&username=jdoe&password=…  (POST it)',
  GetPatronInfo: 'service=GetPatronInfo&patron_id=1&show_contact=1&show_loans=1&show_holds=1',
  GetPatronStatus: 'service=GetPatronStatus&patron_id=1',
  GetServices: 'service=GetServices&patron_id=1&item_id=84',
  RenewLoan: 'service=RenewLoan&patron_id=1&item_id=84',
  HoldTitle: 'service=HoldTitle&patron_id=1&bib_id=8&request_location=127.0.0.1&pickup_location=EAST',
  HoldItem: 'service=HoldItem&patron_id=1&bib_id=10&item_id=31&pickup_location=CENTRAL',
  CancelHold: 'service=CancelHold&patron_id=1&item_id=3',
};

/**
 * The page Koha shows when `service` is missing (and, for one verb, on service=Describe&verb=X):
 * the verbs, their arguments and the access rules, generated from the services table.
 */
export function docPage(baseUrl: string, only?: ServiceName): string {
  const names = (only ? [only] : Object.keys(SERVICES)) as ServiceName[];
  const endpoint = `${baseUrl}/ilsdi`;
  const sections = names.map((name) => section(name, SERVICES[name], endpoint)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>libgate ILS-DI${only ? `: ${only}` : ''}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}code{background:#f3f3f3}dt{font-weight:bold}</style></head>
<body>
<h1>ILS-DI${only ? `: ${only}` : ''}</h1>
<p>Koha-compatible ILS-DI at <code>${escapeText(endpoint)}</code> (also <code>${escapeText(baseUrl)}/cgi-bin/koha/ilsdi.pl</code>).
The verb is <code>service=</code>; arguments come from the query string (GET) or a form body (POST).
Every answer is XML with HTTP status 200; errors are <code>&lt;code&gt;</code> elements with Koha's codes.
Several ids go in one <code>id</code> argument, separated by spaces.</p>
<p>Access: only allowed client addresses are served. Patron services need an API key with the
<code>patron-read</code> or <code>patron-write</code> scope (header <code>Authorization: apikey KEY</code>
or <code>X-Api-Key: KEY</code>); availability services may be open without one.</p>
${sections}
</body>
</html>
`;
}

function section(name: ServiceName, spec: ServiceSpec, endpoint: string): string {
  const args = (list: Readonly<Record<string, string>>, kind: string) =>
    Object.entries(list).map(([arg, about]) => `<dt><code>${escapeText(arg)}</code> (${kind})</dt><dd>${escapeText(about)}</dd>`).join('');
  const example = `${endpoint}?${EXAMPLES[name]}`;
  const link = example.includes('…') ? `<code>${escapeText(example)}</code>` : `<a href="${escapeAttribute(example)}"><code>${escapeText(example)}</code></a>`;
  return `<h2 id="${name}">${name}</h2>
<p>${escapeText(spec.summary)} Scope: <code>${spec.scope}</code>.</p>
<dl>${args(spec.required, 'required')}${args(spec.optional, 'optional')}</dl>
<p>Example: ${link}</p>`;
}
