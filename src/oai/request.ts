/**
 * The argument table (§4): for each verb, its required, optional and exclusive arguments, checked
 * before dispatch. Every problem found is reported (one error each, §3.6); handlers receive a typed,
 * valid request.
 */
import { OAI_TOKEN_PATTERN, SET_SPEC_PATTERN } from '../config/sections/oai.js';
import { groupParams, type RawParams } from '../http/raw-params.js';
import { parseOaiDate, type OaiDate } from './dates.js';
import { OaiError } from './errors.js';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

interface ArgumentRules {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** The one argument that may only come alone (with verb). */
  readonly exclusive?: string;
}

/** §4.1-§4.6. With the exclusive argument present, the required ones are not required. */
export const ARGUMENT_TABLE: Readonly<Record<Verb, ArgumentRules>> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

export interface ListArguments {
  readonly metadataPrefix: string;
  readonly from: OaiDate | undefined;
  readonly until: OaiDate | undefined;
  readonly set: string | undefined;
}

export type OaiRequest =
  | { readonly verb: 'Identify' }
  | { readonly verb: 'ListMetadataFormats'; readonly identifier: string | undefined }
  | { readonly verb: 'ListSets'; readonly resumptionToken: string | undefined }
  | { readonly verb: 'ListIdentifiers' | 'ListRecords'; readonly list: ListArguments; readonly resumptionToken?: undefined }
  | { readonly verb: 'ListIdentifiers' | 'ListRecords'; readonly list?: undefined; readonly resumptionToken: string }
  | { readonly verb: 'GetRecord'; readonly identifier: string; readonly metadataPrefix: string };

export type ParsedRequest =
  | { readonly ok: true; readonly request: OaiRequest; readonly echo: ReadonlyArray<readonly [string, string]> }
  | { readonly ok: false; readonly errors: readonly OaiError[] };

export function isVerb(value: string): value is Verb {
  return (VERBS as readonly string[]).includes(value);
}

/** Checks the raw arguments against the table; never throws. */
export function parseRequest(params: RawParams): ParsedRequest {
  const grouped = groupParams(params);
  const verbs = grouped.get('verb') ?? [];
  if (verbs.length === 0) return { ok: false, errors: [new OaiError('badVerb', 'The verb argument is missing.')] };
  if (verbs.length > 1) return { ok: false, errors: [new OaiError('badVerb', 'The verb argument is repeated.')] };
  const verb = verbs[0]!;
  if (!isVerb(verb)) return { ok: false, errors: [new OaiError('badVerb', 'The value of the verb argument is not a legal OAI-PMH verb.')] };

  const rules = ARGUMENT_TABLE[verb];
  const allowed = new Set([...rules.required, ...rules.optional, ...(rules.exclusive ? [rules.exclusive] : [])]);
  const errors: OaiError[] = [];
  const value = new Map<string, string>();
  for (const [name, values] of grouped) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) errors.push(new OaiError('badArgument', `Illegal argument for ${verb}: ${printable(name)}.`));
    else if (values.length > 1) errors.push(new OaiError('badArgument', `The argument ${name} is repeated.`));
    else value.set(name, values[0]!);
  }
  const exclusive = rules.exclusive !== undefined && grouped.has(rules.exclusive);
  if (exclusive) {
    const others = [...grouped.keys()].filter((name) => name !== 'verb' && name !== rules.exclusive && allowed.has(name));
    if (others.length > 0) errors.push(new OaiError('badArgument', `${rules.exclusive} is an exclusive argument: ${others.join(', ')} may not come with it.`));
  } else {
    for (const name of rules.required) {
      if (!grouped.has(name)) errors.push(new OaiError('badArgument', `The required argument ${name} is missing.`));
    }
  }
  const prefix = value.get('metadataPrefix');
  if (prefix !== undefined && !OAI_TOKEN_PATTERN.test(prefix)) errors.push(new OaiError('badArgument', 'The value of metadataPrefix has an illegal syntax.'));
  const set = value.get('set');
  if (set !== undefined && !SET_SPEC_PATTERN.test(set)) errors.push(new OaiError('badArgument', 'The value of set has an illegal syntax.'));
  const identifier = value.get('identifier');
  if (identifier !== undefined && identifier === '') errors.push(new OaiError('badArgument', 'The identifier argument is empty.'));
  const token = value.get('resumptionToken');
  if (token !== undefined && token === '') errors.push(new OaiError('badArgument', 'The resumptionToken argument is empty.'));
  const from = dateArgument('from', value.get('from'), errors);
  const until = dateArgument('until', value.get('until'), errors);
  if (from && until) {
    if (from.granularity !== until.granularity) errors.push(new OaiError('badArgument', 'from and until have different granularities.'));
    else if (from.start > until.start) errors.push(new OaiError('badArgument', 'from is later than until.'));
  }
  if (errors.length > 0) return { ok: false, errors };

  const echo = params.filter(([name]) => name === 'verb' || allowed.has(name));
  return { ok: true, request: build(verb, value, from, until), echo };
}

function dateArgument(name: string, text: string | undefined, errors: OaiError[]): OaiDate | undefined {
  if (text === undefined) return undefined;
  const date = parseOaiDate(text);
  if (!date) errors.push(new OaiError('badArgument', `The value of ${name} is not a date in the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`));
  return date;
}

function build(verb: Verb, value: ReadonlyMap<string, string>, from: OaiDate | undefined, until: OaiDate | undefined): OaiRequest {
  switch (verb) {
    case 'Identify':
      return { verb };
    case 'ListMetadataFormats':
      return { verb, identifier: value.get('identifier') };
    case 'ListSets':
      return { verb, resumptionToken: value.get('resumptionToken') };
    case 'ListIdentifiers':
    case 'ListRecords': {
      const token = value.get('resumptionToken');
      if (token !== undefined) return { verb, resumptionToken: token };
      return { verb, list: { metadataPrefix: value.get('metadataPrefix')!, from, until, set: value.get('set') } };
    }
    case 'GetRecord':
      return { verb, identifier: value.get('identifier')!, metadataPrefix: value.get('metadataPrefix')! };
  }
}

/** Argument names end up in messages: keep them short and free of markup concerns (escaped later anyway). */
function printable(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

export type ListRequest = Extract<OaiRequest, { verb: 'ListIdentifiers' | 'ListRecords' }>;
