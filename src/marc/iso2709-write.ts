/**
 * toIso2709: a record -> ISO 2709 bytes in UTF-8 (leader/09 'a'), with record length, base address
 * and directory computed from the UTF-8 byte lengths. For tests, exports and the benchmark generator.
 *
 * @throws RangeError when the record does not fit the format (a field over 9,999 bytes or a record
 * over 99,999): writing a directory that lies would only move the problem to the next reader.
 */
import { isControlField, type MarcRecord } from './record.js';
import { validLeader } from './leader.js';

const FIELD_TERMINATOR = '\x1e';
const RECORD_TERMINATOR = '\x1d';
const SUBFIELD_DELIMITER = '\x1f';

export function toIso2709(record: MarcRecord): Buffer {
  const bodies: Buffer[] = [];
  let directory = '';
  let offset = 0;
  for (const field of record.fields) {
    const text = isControlField(field)
      ? field.value
      : `${field.ind1}${field.ind2}${field.subfields.map((sub) => `${SUBFIELD_DELIMITER}${sub.code}${sub.value}`).join('')}`;
    const body = Buffer.from(text + FIELD_TERMINATOR, 'utf8');
    if (body.length > 9999) throw new RangeError(`field ${field.tag} is ${body.length} bytes: over ISO 2709's 9,999`);
    directory += `${field.tag}${pad(body.length, 4)}${pad(offset, 5)}`;
    bodies.push(body);
    offset += body.length;
  }
  const base = 24 + directory.length + 1;
  const length = base + offset + 1;
  if (length > 99999) throw new RangeError(`record is ${length} bytes: over ISO 2709's 99,999`);
  const leader = validLeader(record.leader);
  const head = `${pad(length, 5)}${leader.slice(5, 12)}${pad(base, 5)}${leader.slice(17)}${directory}${FIELD_TERMINATOR}`;
  return Buffer.concat([Buffer.from(head, 'latin1'), ...bodies, Buffer.from(RECORD_TERMINATOR, 'latin1')], length);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
