import { describe, expect, it } from '@jest/globals';
import { parseForm } from '../http/raw-params.js';
import { parseRequest } from './request.js';

const codes = (query: string) => {
  const parsed = parseRequest(parseForm(query));
  return parsed.ok ? [] : parsed.errors.map((e) => e.code);
};

describe('the argument table', () => {
  it.each([
    ['', ['badVerb']],
    ['verb=Identify&verb=ListSets', ['badVerb']],
    ['verb=identify', ['badVerb']],
    ['verb=Identify', []],
    ['verb=Identify&set=a', ['badArgument']],
    ['verb=ListSets&resumptionToken=x', []],
    ['verb=ListSets&resumptionToken=x&set=a', ['badArgument']],
    ['verb=ListRecords&resumptionToken=x', []],
    ['verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc', ['badArgument']],
    ['verb=ListRecords&resumptionToken=', ['badArgument']],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=a:b&from=2020-01-01&until=2020-12-31', []],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=a::b', ['badArgument']],
    ['verb=ListIdentifiers&metadataPrefix=oai%20dc', ['badArgument']],
    ['verb=ListIdentifiers&metadataPrefix=', ['badArgument']],
    ['verb=GetRecord&identifier=x', ['badArgument']],
    ['verb=GetRecord&identifier=x&metadataPrefix=oai_dc&identifier=y', ['badArgument']],
    ['verb=ListMetadataFormats&identifier=x', []],
    ['verb=ListRecords&metadataPrefix=a&from=2020-01-01T00:00:00Z&until=2020-01-01', ['badArgument']],
    ['verb=ListRecords&metadataPrefix=a&from=2020-01-02&until=2020-01-01', ['badArgument']],
    ['verb=ListRecords&metadataPrefix=a&from=2020-01-01&until=2020-01-01', []],
  ])('%p -> %p', (query, expected) => {
    expect(codes(query)).toEqual(expected);
  });

  it('echoes only the arguments of the verb, in the order sent', () => {
    const parsed = parseRequest(parseForm('metadataPrefix=oai_dc&verb=ListRecords&set=a'));
    expect(parsed.ok && parsed.echo).toEqual([['metadataPrefix', 'oai_dc'], ['verb', 'ListRecords'], ['set', 'a']]);
  });
});
