/**
 * OAI-PMH error codes (§3.6), the single table of them. An OaiError is a normal protocol answer
 * (HTTP 200 with <error code="…">); only router.ts renders it.
 */
export const OAI_ERROR_CODES = [
  'badArgument',
  'badResumptionToken',
  'badVerb',
  'cannotDisseminateFormat',
  'idDoesNotExist',
  'noRecordsMatch',
  'noMetadataFormats',
  'noSetHierarchy',
] as const;

export type OaiErrorCode = (typeof OAI_ERROR_CODES)[number];

export class OaiError extends Error {
  override readonly name = 'OaiError';
  /** The responseDate to answer with, when it is not "now" (list verbs: the harvest horizon). */
  responseDate: Date | undefined;
  constructor(readonly code: OaiErrorCode, message: string) {
    super(message);
  }
}

/** Several errors found at once (argument checks report every problem, §3.6). */
export class OaiErrors extends Error {
  override readonly name = 'OaiErrors';
  responseDate: Date | undefined;
  constructor(readonly errors: readonly OaiError[]) {
    super(errors.map((e) => `${e.code}: ${e.message}`).join('; '));
  }
}

/** badVerb and badArgument responses echo no arguments in <request> (§3.2). */
export function echoesArguments(errors: readonly OaiError[]): boolean {
  return !errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
}
