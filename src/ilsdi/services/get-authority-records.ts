import type { ServiceHandler } from '../context.js';
import { IlsdiError } from '../errors.js';
import { splitIds } from './shared.js';

/**
 * GetAuthorityRecords: libgate holds no authority records yet, so every id answers Koha's per-record
 * RecordNotFound (after the same schema check as Koha).
 */
export const getAuthorityRecords: ServiceHandler = async (request) => {
  const schema = request.get('schema');
  if (schema && schema !== 'MARCXML') throw new IlsdiError('UnsupportedSchema');
  return { tree: { record: splitIds(request.get('id')).map(() => ({ code: 'RecordNotFound' })) } };
};
