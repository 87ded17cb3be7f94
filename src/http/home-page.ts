import type { Request, Response } from 'express';
import type { Deps } from '../deps.js';
import { escapeAttribute, escapeText } from '../xml/escape.js';

interface Example {
  readonly label: string;
  readonly path: string;
}

const ENDPOINTS: ReadonlyArray<{ name: string; path: string; about: string; examples: Example[] }> = [
  {
    name: 'OAI-PMH 2.0',
    path: '/oai',
    about: 'Harvest the catalogue (records, deletions, sets) in MARCXML, Dublin Core or MODS.',
    examples: [
      { label: 'Identify', path: '/oai?verb=Identify' },
      { label: 'ListMetadataFormats', path: '/oai?verb=ListMetadataFormats' },
      { label: 'ListRecords (oai_dc)', path: '/oai?verb=ListRecords&metadataPrefix=oai_dc' },
    ],
  },
  {
    name: 'SRU 1.1 / 1.2 / 2.0',
    path: '/sru',
    about: 'Search with CQL: explain, searchRetrieve and scan.',
    examples: [
      { label: 'explain', path: '/sru' },
      { label: 'searchRetrieve', path: '/sru?version=1.2&operation=searchRetrieve&query=dc.title%3Dhistory&maximumRecords=5' },
      { label: 'scan', path: '/sru?version=1.2&operation=scan&scanClause=dc.title%3Dh' },
    ],
  },
  {
    name: 'ILS-DI (Koha)',
    path: '/ilsdi',
    about: "Availability, records, patrons, loans and holds, as Koha's ilsdi.pl (also at /cgi-bin/koha/ilsdi.pl).",
    examples: [
      { label: 'the verbs', path: '/ilsdi' },
      { label: 'GetAvailability', path: '/ilsdi?service=GetAvailability&id=1+2+3&id_type=bib' },
      { label: 'GetRecords', path: '/ilsdi?service=GetRecords&id=1' },
    ],
  },
];

/** GET /: a small page naming the endpoints, with example links relative to the configured base URL. */
export function homePageHandler(deps: Deps) {
  const base = deps.config.server.baseUrl.replace(/\/+$/, '');
  const sections = ENDPOINTS.map((endpoint) => {
    const links = endpoint.examples
      .map((example) => `<li><a href="${escapeAttribute(base + example.path)}">${escapeText(example.label)}</a> <code>${escapeText(example.path)}</code></li>`)
      .join('\n        ');
    return `<section>
      <h2>${escapeText(endpoint.name)} <code>${escapeText(base + endpoint.path)}</code></h2>
      <p>${escapeText(endpoint.about)}</p>
      <ul>
        ${links}
      </ul>
    </section>`;
  }).join('\n    ');
  const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>libgate</title>
    <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2em}</style>
  </head>
  <body>
    <h1>libgate</h1>
    <p>A protocol gateway for this library catalogue. Health: <a href="${escapeAttribute(`${base}/health`)}">/health</a>.</p>
    ${sections}
  </body>
</html>
`;
  return (_req: Request, res: Response) => {
    res.type('html').send(page);
  };
}
