/**
 * The part of the SaxonJS 2 Node.js API (package `saxon-js`, no bundled typings) that libgate uses.
 * See https://www.saxonica.com/saxon-js/documentation2/ (JavaScript API, SaxonJS.transform).
 */
declare module 'saxon-js' {
  interface TransformOptions {
    /** A compiled stylesheet (SEF) as the object JSON.parse gives; SaxonJS caches its own preparation on it. */
    stylesheetInternal?: unknown;
    stylesheetText?: string;
    stylesheetFileName?: string;
    sourceText?: string;
    /** A document node, e.g. from SaxonJS.getResource({ type: 'xml', ... }). */
    sourceNode?: unknown;
    destination?: 'serialized' | 'raw' | 'document' | 'application' | 'stdout' | 'file' | 'replaceBody' | 'appendToBody' | 'prependToBody';
    /** Clark name (`Q{uri}local`) of the initial named template. */
    initialTemplate?: string;
    /** Global stylesheet parameters keyed by Clark name. */
    stylesheetParams?: Record<string, unknown>;
    /** Receives xsl:message output; the default writes to the console. */
    deliverMessage?: (message: unknown, errorCode: unknown) => void;
    logLevel?: number;
  }

  interface TransformResult {
    principalResult: unknown;
  }

  interface ProcessorInfo {
    productName: string;
    productVersion: string;
    releaseDate: string;
  }

  interface SaxonJSStatic {
    transform(options: TransformOptions, mode: 'sync'): TransformResult;
    transform(options: TransformOptions, mode?: 'async'): Promise<TransformResult>;
    getProcessorInfo(): ProcessorInfo;
    /** Parses a resource; with `text` and type 'xml' it returns a document node. */
    getResource(options: { text?: string; file?: string; location?: string; type: 'xml' | 'json' | 'text' }): Promise<unknown>;
    /** Process-wide level of SaxonJS's own diagnostics on stderr (default 1; 0 = none). */
    setLogLevel(level: number): void;
    getLogLevel(): number;
  }

  const SaxonJS: SaxonJSStatic;
  export default SaxonJS;
}
