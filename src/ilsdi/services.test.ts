import { describe, expect, it } from '@jest/globals';
import { parseForm } from '../http/raw-params.js';
import { checkArguments } from './services.js';

const check = (query: string) => checkArguments('HoldTitle', parseForm(query), new Set(['apikey']));

describe("Koha's argument checks", () => {
  it('collects every problem, in Koha order, so the last is the one Koha would show', () => {
    const result = check('service=HoldTitle&patron_id=1&patron_id=2&bogus=1&apikey=k');
    expect('problems' in result && result.problems.map((p) => [p.code, p.detail])).toEqual([
      ['MissingParameter', 'The required parameter bib_id is missing.'],
      ['MissingParameter', 'The required parameter request_location is missing.'],
      ['IllegalParameter', 'The parameter bogus is illegal.'],
      ['MultipleValuesNotAllowed', 'Multiple values not allowed for the parameter patron_id.'],
    ]);
  });

  it('counts an argument present with an empty value as present, as CGI does', () => {
    const result = check('service=HoldTitle&patron_id=&bib_id=8&request_location=');
    expect('request' in result && result.request.get('patron_id')).toBe('');
  });

  it('lets the consumed apikey argument through, and nothing else outside the table', () => {
    expect('request' in check('service=HoldTitle&patron_id=1&bib_id=8&request_location=x&apikey=k&pickup_location=EAST')).toBe(true);
    expect('problems' in check('service=HoldTitle&patron_id=1&bib_id=8&request_location=x&needed_before_date=2027-01-01')).toBe(true);
  });
});
