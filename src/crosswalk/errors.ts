/**
 * Errors of the crosswalk module. Two families, never mixed:
 * - CrosswalkError: a stylesheet cannot be made ready. Raised by loadCrosswalks at start-up only;
 *   the process must not start serving with a broken format. The message names the file.
 * - TransformError: one record could not be transformed. The caller logs it and skips the record
 *   (an OAI list leaves it out, GetRecord answers cannotDisseminateFormat); it never stops the process.
 */

export type CrosswalkErrorCode =
  /** The .xsl file (or a module it includes) does not exist or cannot be read. */
  | 'missing-stylesheet'
  /** xslt3 rejected the stylesheet (static error); the message carries the compiler's words. */
  | 'compile-failed'
  /** No up-to-date SEF, and it cannot be compiled here (xslt3 not installed, or compiling disabled). */
  | 'not-compiled'
  /** The SEF file exists but is not a usable compiled stylesheet. */
  | 'bad-sef'
  /** The compiled stylesheet failed on a minimal record at start-up. */
  | 'self-test-failed'
  /** Two specs share a name. */
  | 'duplicate-name';

export class CrosswalkError extends Error {
  override readonly name = 'CrosswalkError';

  constructor(
    readonly code: CrosswalkErrorCode,
    /** The stylesheet (or SEF) concerned, as given or resolved. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type TransformErrorCode =
  /** No crosswalk with that name was loaded (a programming error in the caller). */
  | 'unknown-crosswalk'
  /** The input is not well-formed XML or not a MARCXML record. */
  | 'bad-input'
  /** The stylesheet raised a dynamic error for this record. */
  | 'failed';

export class TransformError extends Error {
  override readonly name = 'TransformError';

  constructor(
    readonly code: TransformErrorCode,
    /** Name of the crosswalk (format) that was asked for. */
    readonly crosswalk: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
