import type { z } from 'zod';

/**
 * Every key path a zod schema accepts, for checking that the commented reference configuration
 * (conf/libgate.reference.yaml) names them all. Record keys are `*`, array elements `[]`;
 * wrappers (default, optional, nullable, pipe) are looked through, union members are all walked.
 */
export function schemaKeyPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => {
        const here = prefix ? `${prefix}.${key}` : key;
        return [here, ...schemaKeyPaths(child, here)];
      });
    case 'record':
      return schemaKeyPaths(def.valueType as z.ZodType, `${prefix}.*`);
    case 'array':
      return schemaKeyPaths(def.element as z.ZodType, `${prefix}[]`);
    case 'union':
      return [...new Set((def.options ?? []).flatMap((option) => schemaKeyPaths(option, prefix)))];
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
      return schemaKeyPaths(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return schemaKeyPaths(def.in as z.ZodType, prefix);
    default:
      return [];
  }
}

interface ZodDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly valueType?: unknown;
  readonly element?: unknown;
  readonly options?: z.ZodType[];
  readonly innerType?: unknown;
  readonly in?: unknown;
}

/** Whether a parsed YAML document sets the path (`*` matches any record key, `[]` any array element). */
export function documentHasPath(document: unknown, path: string): boolean {
  const steps = path.replace(/\[\]/g, '.[]').split('.').filter((step) => step !== '');
  const walk = (value: unknown, index: number): boolean => {
    if (index === steps.length) return true;
    const step = steps[index]!;
    if (step === '[]') return Array.isArray(value) && value.some((element) => walk(element, index + 1));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const entries = Object.entries(value as Record<string, unknown>);
    if (step === '*') return entries.some(([, child]) => walk(child, index + 1));
    return entries.some(([key, child]) => key === step && walk(child, index + 1));
  };
  return walk(document, 0);
}
