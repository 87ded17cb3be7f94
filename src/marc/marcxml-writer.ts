// Placeholder until the MARC module lands (branch marc): minimal canonical MARCXML writer.
import { isControlField, type MarcRecord } from './record.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toMarcXml(record: MarcRecord, options: { namespace?: boolean } = {}): string {
  const ns = options.namespace === false ? '' : ' xmlns="http://www.loc.gov/MARC21/slim"';
  let out = `<record${ns}><leader>${escape(record.leader)}</leader>`;
  for (const f of record.fields) {
    if (isControlField(f)) out += `<controlfield tag="${escape(f.tag)}">${escape(f.value)}</controlfield>`;
    else {
      out += `<datafield tag="${escape(f.tag)}" ind1="${escape(f.ind1)}" ind2="${escape(f.ind2)}">`;
      for (const sf of f.subfields) out += `<subfield code="${escape(sf.code)}">${escape(sf.value)}</subfield>`;
      out += '</datafield>';
    }
  }
  return `${out}</record>`;
}
