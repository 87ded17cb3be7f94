#!/usr/bin/env node
// Builds sample/catalogue.xml (MARCXML) from the hand-written record sources in sample/src/*.marc.txt,
// and refreshes the generated part of sample/README.md.
//
// The sources hold the cataloguing (variable fields written out, fixed fields as short specs);
// this script supplies what is mechanical and error-prone by hand: leader (length, base address,
// type, level, coding), 001/003/005, the 40 positions of 008, default 007/040/336-338, the $6
// linkage between regular fields and their 880s, and the Koha-style 952 item fields.
// Output is deterministic: no clock, no randomness; running it twice gives identical bytes.
//
// Usage: node scripts/build-sample-catalogue.mjs [--check]
//   --check  build in memory and fail if sample/catalogue.xml or the README section differ.
//
// Source format (see sample/src/README.md for the full description):
//   == <id> <kind> [status=n|c|d] [enc=<leader/17>] [desc=<leader/18>]
//   @008 <datetype><date1>[-<date2>] <place> <lang> [key=value ...]   ('_' stands for a blank)
//   @items <group> [<group> ...]      item groups, see parseItems()
//   @cn <call number>                 call number for the items (default: from 050, else 082)
//   007 <value>                       a control field ('_' stands for a blank)
//   245 14 $aThe great Gatsby /$cF. Scott Fitzgerald.   a data field ('_' = blank indicator)
//   880 10 $a...                      the alternate-script form of the nearest field above it
//   <leading whitespace>...           continues the previous line
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = join(ROOT, 'sample', 'src');
const OUT = join(ROOT, 'sample', 'catalogue.xml');
const README = join(ROOT, 'sample', 'README.md');

const AGENCY = 'LIBGATE';

// ---------------------------------------------------------------------------------------------
// Kinds of record: leader/06-08, which 008 layout, default item type, default 007 and RDA 33X.

const RDA = {
  text: ['text', 'txt'], ntm: ['notated music', 'ntm'], prm: ['performed music', 'prm'],
  spw: ['spoken word', 'spw'], cri: ['cartographic image', 'cri'], tdi: ['two-dimensional moving image', 'tdi'],
  sti: ['still image', 'sti'], cop: ['computer program', 'cop'], cod: ['computer dataset', 'cod'],
  n: ['unmediated', 'n'], s: ['audio', 's'], v: ['video', 'v'], c: ['computer', 'c'],
  nc: ['volume', 'nc'], nb: ['sheet', 'nb'], sd: ['audio disc', 'sd'], vd: ['videodisc', 'vd'],
  cr: ['online resource', 'cr'], cd: ['computer disc', 'cd'], ck: ['computer card', 'ck'],
};

const KINDS = {
  book: { l6: 'a', l7: 'm', f8: 'book', itype: 'BK', rda: ['text', 'n', 'nc'] },
  ebook: { l6: 'a', l7: 'm', f8: 'book', itype: 'EBOOK', rda: ['text', 'c', 'cr'], f007: 'cr |||||||||||' },
  analytic: { l6: 'a', l7: 'a', f8: 'book', itype: 'BK', rda: ['text', 'n', 'nc'] },
  serial: { l6: 'a', l7: 's', f8: 'serial', itype: 'SER', rda: ['text', 'n', 'nc'] },
  eserial: { l6: 'a', l7: 's', f8: 'serial', itype: 'SER', rda: ['text', 'c', 'cr'], f007: 'cr |||||||||||' },
  website: { l6: 'a', l7: 'i', f8: 'serial', itype: 'SER', rda: ['text', 'c', 'cr'], f007: 'cr |||||||||||' },
  score: { l6: 'c', l7: 'm', f8: 'music', itype: 'SCORE', rda: ['ntm', 'n', 'nc'] },
  sound: { l6: 'j', l7: 'm', f8: 'music', itype: 'CD', rda: ['prm', 's', 'sd'], f007: 'sd fsngnnmmned' },
  spoken: { l6: 'i', l7: 'm', f8: 'music', itype: 'CD', rda: ['spw', 's', 'sd'], f007: 'sd fsngnnmmned' },
  map: { l6: 'e', l7: 'm', f8: 'map', itype: 'MAP', rda: ['cri', 'n', 'nb'], f007: 'aj canzn' },
  atlas: { l6: 'e', l7: 'm', f8: 'map', itype: 'MAP', rda: ['cri', 'n', 'nc'], f007: 'ad canzn' },
  video: { l6: 'g', l7: 'm', f8: 'visual', itype: 'DVD', rda: ['tdi', 'v', 'vd'], f007: 'vd cvaizq' },
  image: { l6: 'k', l7: 'm', f8: 'visual', itype: 'IMG', rda: ['sti', 'n', 'nb'], f007: 'kh bo' },
  computer: { l6: 'm', l7: 'm', f8: 'computer', itype: 'CDROM', rda: ['cop', 'c', 'cd'], f007: 'co cga' },
  mixed: { l6: 'p', l7: 'c', l8: 'a', f8: 'mixed', itype: 'ARCH' },
};

// Human-readable names, used by the README section and by lint (an unknown code is a typo).
const TYPE_NAMES = {
  a: 'language material', c: 'notated music', d: 'manuscript notated music', e: 'cartographic material',
  g: 'projected medium (video)', i: 'nonmusical sound recording', j: 'musical sound recording',
  k: 'two-dimensional nonprojectable graphic', m: 'computer file', p: 'mixed materials',
};
const LANGS = {
  eng: 'English', fre: 'French', ger: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese',
  dut: 'Dutch', swe: 'Swedish', nor: 'Norwegian', dan: 'Danish', ice: 'Icelandic', fin: 'Finnish',
  pol: 'Polish', cze: 'Czech', hun: 'Hungarian', tur: 'Turkish', vie: 'Vietnamese', rus: 'Russian',
  ukr: 'Ukrainian', srp: 'Serbian', gre: 'Greek, Modern', grc: 'Greek, Ancient', lat: 'Latin',
  ara: 'Arabic', heb: 'Hebrew', per: 'Persian', hin: 'Hindi', ben: 'Bengali', tha: 'Thai',
  arm: 'Armenian', geo: 'Georgian', chi: 'Chinese', jpn: 'Japanese', kor: 'Korean', zxx: 'No linguistic content',
  mul: 'Multiple languages', yid: 'Yiddish', rum: 'Romanian', cat: 'Catalan', wel: 'Welsh', gle: 'Irish',
  ind: 'Indonesian', swa: 'Swahili', lit: 'Lithuanian', est: 'Estonian', lav: 'Latvian', slv: 'Slovenian',
  hrv: 'Croatian', slo: 'Slovak', bul: 'Bulgarian', glg: 'Galician', baq: 'Basque', epo: 'Esperanto',
  yor: 'Yoruba', ibo: 'Igbo', afr: 'Afrikaans', san: 'Sanskrit', urd: 'Urdu', tam: 'Tamil', und: 'Undetermined',
  sme: 'Northern Sami', fao: 'Faroese', ota: 'Turkish, Ottoman', akk: 'Akkadian', egy: 'Egyptian',
};
// MARC country codes used in the sources (two-letter codes are padded with a blank).
const PLACES = new Set(['nyu', 'enk', 'mau', 'cau', 'ilu', 'nju', 'dcu', 'pau', 'ctu', 'mdu', 'wau', 'txu', 'mnu', 'miu', 'ohu', 'vau', 'xxu', 'xxk', 'stk', 'wlk', 'onc', 'quc', 'xxc', 'at', 'fr', 'gw', 'sp', 'it', 'po', 'ne', 'sw', 'no', 'dk', 'fi', 'ic', 'pl', 'xr', 'hu', 'tu', 'vm', 'ru', 'ur', 'un', 'rb', 'gr', 'is', 'ir', 'ii', 'th', 'ai', 'gs', 'cc', 'ch', 'ja', 'ko', 'ua', 'le', 'mx', 'ag', 'bl', 'ck', 'cl', 'sz', 'au', 'be', 'ie', 'xx', 'bu', 'si', 'ye', 'nr', 'sa', 'ke', 'cu', 'pe', 'io', 'hk', 'lu', 'ci', 'xo', 'lh', 'sj', 'mr', 'gh', 'er', 'xv', 'lv', 'vp', 'xna', 'vra', 'nz', 'aru', 'flu', 'inu', 'nbu', 'ncu', 'riu', 'gau', 'oru', 'uik', 'ts', 'cy', 'ti', 'rm', 'nhu']);

// Articles that are skipped in filing (245 ind2), by 008 language; lint only.
const ARTICLES = {
  eng: ['the ', 'a ', 'an '], fre: ['le ', 'la ', "l'", 'les ', 'un ', 'une '], ger: ['der ', 'die ', 'das ', 'ein ', 'eine '],
  spa: ['el ', 'la ', 'los ', 'las ', 'un ', 'una '], ita: ['il ', 'lo ', 'la ', "l'", 'i ', 'gli ', 'le ', 'un ', 'una '],
  por: ['o ', 'a ', 'os ', 'as ', 'um ', 'uma '], dut: ['de ', 'het ', 'een ', "'t "], swe: ['den ', 'det ', 'de ', 'en ', 'ett '],
  nor: ['den ', 'det ', 'de ', 'en ', 'et ', 'ei '], dan: ['den ', 'det ', 'de ', 'en ', 'et '], hun: ['a ', 'az ', 'egy '],
};

// ---------------------------------------------------------------------------------------------
// 008: position layouts of 18-34 per material, with defaults. Keys are what the sources write.

const F8 = {
  book: { ill: [18, 4, '    '], aud: [22, 1, ' '], form: [23, 1, ' '], cont: [24, 4, '    '], gov: [28, 1, ' '], conf: [29, 1, '0'], fest: [30, 1, '0'], index: [31, 1, '0'], lit: [33, 1, '0'], bio: [34, 1, ' '] },
  serial: { freq: [18, 1, 'u'], reg: [19, 1, 'r'], srtype: [21, 1, 'p'], orig: [22, 1, ' '], form: [23, 1, ' '], nature: [24, 1, ' '], cont: [25, 3, '   '], gov: [28, 1, ' '], conf: [29, 1, '0'], script: [33, 1, 'a'], entry: [34, 1, '0'] },
  music: { comp: [18, 2, 'uu'], fmt: [20, 1, 'n'], parts: [21, 1, 'n'], aud: [22, 1, ' '], form: [23, 1, ' '], accomp: [24, 6, '      '], lit: [30, 2, '  '], arr: [33, 1, ' '] },
  map: { relief: [18, 4, '    '], proj: [22, 2, '  '], cart: [25, 1, 'a'], gov: [28, 1, ' '], form: [29, 1, ' '], index: [31, 1, '0'], special: [33, 2, '  '] },
  visual: { time: [18, 3, '---'], aud: [22, 1, ' '], gov: [28, 1, ' '], form: [29, 1, ' '], vtype: [33, 1, 'v'], tech: [34, 1, 'l'] },
  computer: { aud: [22, 1, ' '], form: [23, 1, ' '], ctype: [26, 1, 'm'], gov: [28, 1, ' '] },
  mixed: { form: [23, 1, ' '] },
};
const KIND_F8_DEFAULTS = {
  sound: { arr: 'n' }, spoken: { comp: 'nn', arr: 'n' }, score: { fmt: 'a', parts: ' ' },
  image: { time: 'nnn', vtype: 'i', tech: 'n' }, ebook: { form: 'o' }, eserial: { form: 'o' }, website: { form: 'o', srtype: 'w', freq: 'k', reg: 'r', entry: '2' },
};

function build008(spec, kind, entered, where) {
  const parts = spec.trim().split(/\s+/);
  const [dates, placeRaw, lang, ...kvs] = parts;
  const place = placeRaw?.replace(/_/g, '');
  const m = /^([bcdeikimnpqrstu|])([0-9u|]{4})(?:-([0-9u|]{4}))?$/.exec(dates ?? '');
  if (!m) throw new Error(`${where}: bad 008 dates "${dates}"`);
  const [, dt, d1, d2raw] = m;
  const d2 = d2raw ?? (dt === 'c' ? '9999' : '    ');
  if (!place || !PLACES.has(place)) throw new Error(`${where}: unknown place code "${place}"`);
  if (!lang || !LANGS[lang]) throw new Error(`${where}: unknown language code "${lang}"`);
  const layout = F8[KINDS[kind].f8];
  const block = Array(17).fill(' ');
  const values = { ...(KIND_F8_DEFAULTS[kind] ?? {}) };
  for (const kv of kvs) {
    const eq = kv.indexOf('=');
    if (eq < 0) throw new Error(`${where}: 008 option "${kv}" is not key=value`);
    values[kv.slice(0, eq)] = kv.slice(eq + 1).replace(/_/g, ' ');
  }
  for (const [key, [pos, len, dflt]] of Object.entries(layout)) {
    let v = values[key] ?? dflt;
    delete values[key];
    if (v.length < len) v = v.padEnd(len, ' ');
    if (v.length !== len) throw new Error(`${where}: 008 ${key}="${v}" must be ${len} characters`);
    for (let i = 0; i < len; i++) block[pos - 18 + i] = v[i];
  }
  const left = Object.keys(values);
  if (left.length) throw new Error(`${where}: 008 options ${left.join(', ')} do not apply to ${kind}`);
  const s = entered + dt + d1 + d2 + place.padEnd(3, ' ') + block.join('') + lang + ' ' + 'd';
  if (s.length !== 40) throw new Error(`${where}: 008 is ${s.length} characters`);
  return { value: s, dateType: dt, date1: d1, lang };
}

// ---------------------------------------------------------------------------------------------
// Parsing the sources.

function parseSubfields(text, where) {
  const subs = [];
  const re = /\$([a-z0-9])/g;
  const marks = [...text.matchAll(re)];
  if (!marks.length || text.slice(0, marks[0].index).trim() !== '') throw new Error(`${where}: data field must start with a subfield: "${text}"`);
  for (let i = 0; i < marks.length; i++) {
    const start = marks[i].index + 2;
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    // Unicode NFC throughout, so that equal strings are equal bytes (the combining double
    // inverted breve of ALA-LC ligatures, e.g. "t͡s", has no precomposed form and stays).
    const value = text.slice(start, end).trim().replace(/\{dollar\}/g, '$').normalize('NFC');
    if (value === '') throw new Error(`${where}: empty $${marks[i][1]}`);
    subs.push({ code: marks[i][1], value });
  }
  return subs;
}

function parseSources() {
  const files = readdirSync(SRC_DIR).filter((f) => f.endsWith('.marc.txt')).sort();
  const records = [];
  for (const file of files) {
    const lines = readFileSync(join(SRC_DIR, file), 'utf8').split('\n');
    // join continuation lines
    const logical = [];
    lines.forEach((line, i) => {
      if (/^\s*#/.test(line) || line.trim() === '') { logical.push(null); return; }
      if (/^\s/.test(line)) {
        const prev = logical.findLast((l) => l !== null);
        if (!prev) throw new Error(`${file}:${i + 1}: continuation without a line`);
        prev.text += ' ' + line.trim();
        return;
      }
      logical.push({ text: line.replace(/\s+$/, ''), where: `${file}:${i + 1}` });
    });
    let rec = null;
    for (const l of logical) {
      if (!l) continue;
      const { text, where } = l;
      if (text.startsWith('==')) {
        const [id, kind, ...opts] = text.slice(2).trim().split(/\s+/);
        if (!/^[1-9][0-9]*$/.test(id)) throw new Error(`${where}: bad id "${id}"`);
        if (!KINDS[kind]) throw new Error(`${where}: unknown kind "${kind}"`);
        rec = { id: Number(id), kind, where, status: 'n', enc: ' ', desc: null, f008: null, items: [], cn: null, fields: [] };
        for (const o of opts) {
          const [k, v] = o.split('=');
          if (!['status', 'enc', 'desc'].includes(k) || v === undefined) throw new Error(`${where}: bad header option "${o}"`);
          rec[k] = v.replace(/_/g, ' ');
        }
        records.push(rec);
        continue;
      }
      if (!rec) throw new Error(`${where}: line before the first record header`);
      if (text.startsWith('@008 ')) { rec.f008 = { spec: text.slice(5), where }; continue; }
      if (text.startsWith('@items ')) { rec.items.push(...parseItems(text.slice(7), where)); continue; }
      if (text.startsWith('@cn ')) { rec.cn = text.slice(4).trim(); continue; }
      const m = /^([0-9]{3}) (.*)$/.exec(text);
      if (!m) throw new Error(`${where}: cannot read "${text}"`);
      const [, tag, rest] = m;
      if (tag < '010') {
        rec.fields.push({ tag, value: rest.replace(/_/g, ' '), where });
        continue;
      }
      const im = /^([0-9a-z_ ])([0-9a-z_ ]) +(.*)$/.exec(rest);
      if (!im) throw new Error(`${where}: ${tag} needs two indicators then subfields`);
      const ind1 = im[1] === '_' ? ' ' : im[1];
      const ind2 = im[2] === '_' ? ' ' : im[2];
      const field = { tag, ind1, ind2, subfields: parseSubfields(im[3], where), where };
      if (tag === '880') {
        const target = rec.fields.findLast((f) => f.tag !== '880' && f.subfields);
        if (!target) throw new Error(`${where}: 880 without a field above it`);
        field.linksTo = target;
      }
      rec.fields.push(field);
    }
  }
  return records;
}

// Item groups: LIB[/LOC][:TYPE][*N][+flag...][,key=value|,key="value"...]
//   LIB: C=CENTRAL E=EAST M=MUSIC R=RARE A=ANNEX (or a full code)
//   flags: loan (on loan, due date chosen deterministically), lost, nfl (not for loan), wd (withdrawn),
//          dmg (damaged), ref (location REF, item type REF, not for loan)
//   keys: h (enumeration/chronology, 952$h; {n} = 1, 2, ... within the group), due (explicit due date), price (952$g),
//         hold (holding library when it differs from home), cn (call number), acc (date accessioned)
const LIBS = { C: 'CENTRAL', E: 'EAST', M: 'MUSIC', R: 'RARE', A: 'ANNEX' };
const DEFAULT_LOC = { CENTRAL: 'GEN', EAST: 'GEN', MUSIC: 'AV', RARE: 'RARE', ANNEX: 'STACKS' };

function parseItems(spec, where) {
  const tokens = spec.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
  const groups = [];
  for (const tok of tokens) {
    const [head, ...kvs] = tok.split(/,(?=[a-z]+=)/);
    const m = /^([A-Z]+)(?:\/([A-Z]+))?(?::([A-Z]+))?((?:\*[0-9]+|\+[a-z]+)*)$/.exec(head);
    if (!m) throw new Error(`${where}: bad item group "${tok}"`);
    const [, libAbbr, loc, itype, tail] = m;
    const count = /\*([0-9]+)/.exec(tail)?.[1];
    const flagText = tail.replace(/\*[0-9]+/g, '');
    const lib = LIBS[libAbbr] ?? libAbbr;
    const flags = new Set(flagText.split('+').filter(Boolean));
    for (const f of flags) if (!['loan', 'lost', 'nfl', 'wd', 'dmg', 'ref'].includes(f)) throw new Error(`${where}: unknown item flag +${f}`);
    const opts = {};
    for (const kv of kvs) {
      const eq = kv.indexOf('=');
      const key = kv.slice(0, eq);
      if (!['h', 'due', 'price', 'hold', 'cn', 'acc'].includes(key)) throw new Error(`${where}: unknown item key ${key}`);
      opts[key] = kv.slice(eq + 1).replace(/^"|"$/g, '');
    }
    groups.push({ lib, loc, itype, count: Number(count ?? 1), flags, opts, where });
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Helpers: checks on identifiers, scripts, dates.

function isbnOk(raw) {
  const s = raw.replace(/[-\s]/g, '').toUpperCase();
  if (/^[0-9]{9}[0-9X]$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
    return sum % 11 === 0;
  }
  if (/^97[89][0-9]{10}$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(s[i]) * (i % 2 ? 3 : 1);
    return sum % 10 === 0;
  }
  return false;
}

function issnOk(raw) {
  const m = /^([0-9]{4})-([0-9]{3}[0-9X])$/.exec(raw);
  if (!m) return false;
  const s = m[1] + m[2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(s[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === s[7];
}

/**
 * MARC 21 script identification code for $6 and whether the field reads right to left.
 * The MARC-8 codes are used where MARC 21 defines one ((3 Arabic, (N Cyrillic, (S Greek, (2 Hebrew,
 * $1 CJK); scripts without one get their ISO 15924 code, as MARC Proposal 2018-05 allows.
 */
const SCRIPTS = [
  { name: 'Cyrillic', code: '(N', rtl: false, ranges: [[0x0400, 0x052f]] },
  { name: 'Greek', code: '(S', rtl: false, ranges: [[0x0370, 0x03ff], [0x1f00, 0x1fff]] },
  { name: 'Hebrew', code: '(2', rtl: true, ranges: [[0x0590, 0x05ff]] },
  { name: 'Arabic', code: '(3', rtl: true, ranges: [[0x0600, 0x06ff], [0x0750, 0x077f], [0xfb50, 0xfdff], [0xfe70, 0xfeff]] },
  { name: 'Devanagari', code: 'Deva', rtl: false, ranges: [[0x0900, 0x097f]] },
  { name: 'Bengali', code: 'Beng', rtl: false, ranges: [[0x0980, 0x09ff]] },
  { name: 'Thai', code: 'Thai', rtl: false, ranges: [[0x0e00, 0x0e7f]] },
  { name: 'Armenian', code: 'Armn', rtl: false, ranges: [[0x0530, 0x058f]] },
  { name: 'Georgian', code: 'Geor', rtl: false, ranges: [[0x10a0, 0x10ff]] },
  { name: 'CJK', code: '$1', rtl: false, ranges: [[0x1100, 0x11ff], [0x3000, 0x30ff], [0x3130, 0x318f], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7af], [0xff00, 0xffef]] },
];

function scriptOf(text) {
  for (const ch of text) {
    const c = ch.codePointAt(0);
    const s = SCRIPTS.find((x) => x.ranges.some(([lo, hi]) => c >= lo && c <= hi));
    if (s) return s;
  }
  return null;
}

/** Deterministic pseudo-random integer in [0, n) from a key. */
function pick(key, n) {
  let h = 2166136261;
  for (const ch of String(key)) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return h % n;
}

function ymd(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(iso, days) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return ymd(d);
}

function luhnBarcode(n) {
  const body = '3900' + String(n).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function asciiFold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f\u02b9-\u02bf\u0361]/g, '').replace(/[ʻʼ’'`]/g, '')
    .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/œ/g, 'oe').replace(/ı/g, 'i');
}

// ---------------------------------------------------------------------------------------------
// Building one record.

const warnings = [];
function warn(where, msg) { warnings.push(`${where}: ${msg}`); }

function sf(field, code) { return field.subfields?.find((s) => s.code === code)?.value; }

function lint(rec, lang) {
  const w = rec.where;
  const f245 = rec.fields.find((f) => f.tag === '245');
  if (!f245) throw new Error(`${w}: no 245`);
  if (rec.fields.filter((f) => f.tag === '245').length > 1) throw new Error(`${w}: two 245s`);
  const title = sf(f245, 'a') ?? sf(f245, 'k') ?? '';
  const skip = Number(f245.ind2);
  const arts = ARTICLES[lang] ?? [];
  const lower = title.toLowerCase();
  const art = arts.find((a) => lower.startsWith(a));
  if (skip > 0) {
    const skipped = title.slice(0, skip).toLowerCase();
    if (!/^\[?["“]?(the |an |a |le |la |les |l'|un |une |der |die |das |ein |eine |el |los |las |una |il |lo |i |gli |o |os |as |um |uma |de |het |een |den |det |en |ett |et |az |egy |'t )$/.test(skipped))
      throw new Error(`${w}: 245 ind2=${skip} skips "${title.slice(0, skip)}"`);
  } else if (art && !/^(a |i |o |de |en |et |la )/.test(lower)) {
    // "A"/"I"/"O"/"De"/"En"/"Et"/"La" may be other words; only flag unambiguous articles.
    warn(w, `245 "${title}" starts with an article but ind2=0`);
  }
  for (const f of rec.fields) {
    if (f.tag === '020') for (const s of f.subfields) if (s.code === 'a' && !isbnOk(s.value)) throw new Error(`${f.where}: ISBN ${s.value} fails its check digit`);
    if (f.tag === '022') for (const s of f.subfields) if ((s.code === 'a' || s.code === 'l') && !issnOk(s.value)) throw new Error(`${f.where}: ISSN ${s.value} fails its check digit`);
    if (f.tag === '880' && !scriptOf(f.subfields.map((s) => s.value).join(' '))) throw new Error(`${f.where}: 880 without a non-Latin script`);
    if (f.subfields) for (const s of f.subfields) if (/\s{2}|^\s|\s$/.test(s.value)) warn(f.where, `${f.tag}$${s.code} has stray spaces`);
  }
  const has = (t) => rec.fields.some((f) => f.tag === t);
  if (rec.status !== 'd' && !has('300')) warn(w, 'no 300');
  if (has('264') && has('260')) warn(w, 'both 260 and 264');
  if (!has('264') && !has('260') && rec.kind !== 'analytic' && rec.kind !== 'mixed' && rec.kind !== 'image') warn(w, 'no 260/264');
}

function buildRecord(rec) {
  const kind = KINDS[rec.kind];
  const where = rec.where;
  if (!rec.f008) throw new Error(`${where}: no @008`);
  // Dates: entered on file and last transaction, deterministic from the id.
  const entered = addDays('2023-01-09', rec.id * 3);
  // Last change: some weeks after entry, later for corrected and deleted records, not after 2025-10-31.
  const latest = addDays(entered, 20 + pick('chg' + rec.id, 300) + (rec.status === 'c' ? 400 : 0) + (rec.status === 'd' ? 500 : 0));
  const changed = latest > '2025-10-31' ? addDays('2025-10-31', -pick('cap' + rec.id, 30)) : latest;
  const secs = pick('t' + rec.id, 86400);
  const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
  const mi = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  const f005 = changed.replace(/-/g, '') + hh + mi + ss + '.0';
  const f008 = build008(rec.f008.spec, rec.kind, entered.slice(2).replace(/-/g, ''), rec.f008.where);
  lint(rec, f008.lang);

  const rda = rec.desc ? rec.desc === 'i' && rec.fields.some((f) => f.tag === '264') : rec.fields.some((f) => f.tag === '264');
  const desc = rec.desc ?? (rda ? 'i' : 'a');

  const control = [
    { tag: '001', value: String(rec.id) },
    { tag: '003', value: AGENCY },
    { tag: '005', value: f005 },
  ];
  const f007s = rec.fields.filter((f) => f.tag === '007');
  if (f007s.length) control.push(...f007s.filter((f) => f.value !== 'none'));
  else if (kind.f007) control.push({ tag: '007', value: kind.f007 });
  control.push({ tag: '008', value: f008.value });
  for (const f of rec.fields) if (f.tag < '010' && f.tag !== '007') throw new Error(`${f.where}: write ${f.tag} through the generator, not by hand`);

  const data = rec.fields.filter((f) => f.subfields).map((f) => ({ ...f, subfields: [...f.subfields] }));
  const byOrig = new Map(rec.fields.filter((f) => f.subfields).map((f, i) => [f, data[i]]));
  if (!data.some((f) => f.tag === '040')) {
    const s = [{ code: 'a', value: AGENCY }, { code: 'b', value: 'eng' }];
    if (rda) s.push({ code: 'e', value: 'rda' });
    s.push({ code: 'c', value: AGENCY });
    data.push({ tag: '040', ind1: ' ', ind2: ' ', subfields: s });
  }
  if (rda && kind.rda) {
    const [content, media, carrier] = kind.rda;
    const add = (tag, key, src) => {
      if (data.some((f) => f.tag === tag)) return;
      const [term, code] = RDA[key];
      data.push({ tag, ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: term }, { code: 'b', value: code }, { code: '2', value: src }] });
    };
    add('336', content, 'rdacontent');
    add('337', media, 'rdamedia');
    add('338', carrier, 'rdacarrier');
  }
  // 880 linkage: occurrence numbers in order of the linked fields.
  let occ = 0;
  const scripts = [];
  for (const f of rec.fields.filter((x) => x.tag === '880')) {
    const out = byOrig.get(f);
    const target = byOrig.get(f.linksTo);
    let n = target.subfields[0].code === '6' ? target.subfields[0].value.slice(4, 6) : null;
    if (!n) {
      occ += 1;
      n = String(occ).padStart(2, '0');
      target.subfields.unshift({ code: '6', value: `880-${n}` });
    }
    const script = scriptOf(f.subfields.map((s) => s.value).join(' '));
    scripts.push(`${script.name} \`${script.code}\``);
    out.subfields.unshift({ code: '6', value: `${f.linksTo.tag}-${n}/${script.code}${script.rtl ? '/r' : ''}` });
  }
  data.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

  // Items.
  const items = [];
  const cn = rec.items.length ? rec.cn ?? callNumber(data, rec) : null;
  for (const g of rec.items) {
    for (let k = 0; k < g.count; k++) items.push({ g, cn: g.opts.cn ?? cn, k });
  }

  const leader = { status: rec.status, type: kind.l6, level: kind.l7, ctrl: kind.l8 ?? ' ', enc: rec.enc, desc };
  return { id: rec.id, kind: rec.kind, leader, control, data, items, f008, scripts, rda, cnSource: data.some((f) => f.tag === '050') && !rec.cn ? 'lcc' : data.some((f) => f.tag === '082') && !rec.cn ? 'ddc' : 'z' };
}

function callNumber(data, rec) {
  const f050 = data.find((f) => f.tag === '050');
  if (f050) return [sf(f050, 'a'), sf(f050, 'b')].filter(Boolean).join(' ');
  const f082 = data.find((f) => f.tag === '082');
  if (f082) {
    const main = data.find((f) => ['100', '110', '111', '130'].includes(f.tag)) ?? data.find((f) => f.tag === '245');
    let name = sf(main, 'a') ?? '';
    if (main.tag === '245' || main.tag === '130') name = name.slice(Number(main.tag === '245' ? main.ind2 : main.ind1));
    const cutter = asciiFold(name).replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
    return `${sf(f082, 'a').replace(/\//g, '')} ${cutter}`.trim();
  }
  throw new Error(`${rec.where}: items need a call number: give 050, 082 or @cn`);
}

// ---------------------------------------------------------------------------------------------
// Item fields (952), numbered across the catalogue in record order.

const DUE_DATES = ['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-22', '2026-12-30', '2027-01-07', '2027-01-14', '2027-01-21', '2027-01-28'];

function itemFields(built, state) {
  const out = [];
  const pubYear = /^[0-9]{4}$/.test(built.f008.date1) ? Number(built.f008.date1) : 1900;
  for (const { g, cn, k } of built.items) {
    state.itemnumber += 1;
    const n = state.itemnumber;
    const flags = g.flags;
    const ref = flags.has('ref');
    const loc = g.loc ?? (ref ? 'REF' : DEFAULT_LOC[g.lib] ?? 'GEN');
    const itype = g.itype ?? (ref ? 'REF' : KINDS[built.kind].itype);
    // Accessioned after publication (and after the issue an enumeration names), never after 2025.
    const issueYears = [...(g.opts.h ?? '').matchAll(/\b(1[5-9][0-9]{2}|20[0-2][0-9])\b/g)].map((m) => Number(m[1]));
    if (/current|aktuelle/.test(g.opts.h ?? '')) issueYears.push(2025);
    const firstYear = Math.max(2004, Math.min(Math.max(pubYear + 1, ...issueYears.map((y) => y + 1)), 2025));
    const acc = g.opts.acc ?? addDays(`${firstYear}-01-15`, pick('acc' + n, Math.max(180, (2025 - firstYear) * 365)));
    const s = [
      ['9', String(n)],
      ['a', g.lib],
      ['b', g.opts.hold ?? g.lib],
      ['c', loc],
      ['d', acc],
    ];
    if (g.opts.price) s.push(['g', g.opts.price]);
    if (g.opts.h) s.push(['h', g.opts.h.replace(/\{n\}/g, String(k + 1))]);
    s.push(['o', cn], ['p', luhnBarcode(n)]);
    if (flags.has('loan')) s.push(['q', g.opts.due ?? DUE_DATES[pick('due' + n, DUE_DATES.length)]]);
    s.push(['y', itype]);
    if (flags.has('wd')) s.push(['0', '1']);
    if (flags.has('lost')) s.push(['1', '1']);
    s.push(['2', built.cnSource === 'z' ? 'z' : built.cnSource]);
    if (flags.has('dmg')) s.push(['4', '1']);
    if (flags.has('nfl') || ref) s.push(['7', '1']);
    // Koha writes 952 subfields in code order within its framework; keep ours fixed and readable.
    out.push({ tag: '952', ind1: ' ', ind2: ' ', subfields: s.map(([code, value]) => ({ code, value })) });
    state.items.push({
      itemnumber: n, record: built.id, barcode: luhnBarcode(n), home: g.lib, holding: g.opts.hold ?? g.lib, loc, itype,
      due: flags.has('loan') ? s.find(([c]) => c === 'q')[1] : null, lost: flags.has('lost'), nfl: flags.has('nfl') || ref,
      wd: flags.has('wd'), dmg: flags.has('dmg'),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Serialisation.

function escText(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escAttr(s) {
  return escText(s).replace(/"/g, '&quot;');
}

function leaderString(l, control, data) {
  // Lengths as in ISO 2709, so the leader is right whichever way the record travels.
  const enc = new TextEncoder();
  const fields = [...control.map((f) => enc.encode(f.value).length + 1), ...data.map((f) => 2 + f.subfields.reduce((n, s) => n + 2 + enc.encode(s.value).length, 0) + 1)];
  const base = 24 + 12 * fields.length + 1;
  const length = base + fields.reduce((a, b) => a + b, 0) + 1;
  if (length > 99999) throw new Error('record too long');
  const s = String(length).padStart(5, '0') + l.status + l.type + l.level + l.ctrl + 'a' + '22' + String(base).padStart(5, '0') + l.enc + l.desc + ' ' + '4500';
  if (s.length !== 24) throw new Error(`leader "${s}" is not 24 characters`);
  return s;
}

function toXml(records) {
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<!-- libgate sample catalogue: written for the libgate project, generated by scripts/build-sample-catalogue.mjs from sample/src/*.marc.txt. Do not edit by hand. -->');
  out.push('<collection xmlns="http://www.loc.gov/MARC21/slim" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd">');
  for (const r of records) {
    out.push('  <record>');
    out.push(`    <leader>${escText(r.leaderString)}</leader>`);
    for (const f of r.control) out.push(`    <controlfield tag="${f.tag}">${escText(f.value)}</controlfield>`);
    for (const f of r.allData) {
      out.push(`    <datafield tag="${f.tag}" ind1="${escAttr(f.ind1)}" ind2="${escAttr(f.ind2)}">`);
      for (const s of f.subfields) out.push(`      <subfield code="${escAttr(s.code)}">${escText(s.value)}</subfield>`);
      out.push('    </datafield>');
    }
    out.push('  </record>');
  }
  out.push('</collection>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// README section.

function readmeSection(records, items) {
  const L = [];
  const live = records.filter((r) => r.leader.status !== 'd');
  const deleted = records.filter((r) => r.leader.status === 'd');
  L.push(`${records.length} records (ids 1–${records.length}): ${live.length} current, ${deleted.length} deleted; ${items.length} items.`);
  L.push('');
  L.push('### Records by type (leader/06 and /07)');
  L.push('');
  L.push('| leader/06-07 | what | records | of which deleted |');
  L.push('|---|---|---:|---:|');
  const byType = new Map();
  for (const r of records) {
    const key = r.leader.type + r.leader.level;
    const e = byType.get(key) ?? { n: 0, d: 0 };
    e.n += 1; if (r.leader.status === 'd') e.d += 1;
    byType.set(key, e);
  }
  const levelNames = { m: 'monograph', s: 'serial', a: 'component part', i: 'integrating resource', c: 'collection' };
  for (const [key, e] of [...byType].sort()) L.push(`| \`${key}\` | ${TYPE_NAMES[key[0]]}, ${levelNames[key[1]]} | ${e.n} | ${e.d} |`);
  L.push('');
  const rdaCount = records.filter((r) => r.rda).length;
  L.push(`${rdaCount} records are RDA-era (264 + 336/337/338, leader/18 \`i\`); the others use 260 and AACR2 conventions (leader/18 \`a\`).`);
  L.push('');
  L.push('### Languages (008/35-37)');
  L.push('');
  const byLang = new Map();
  for (const r of records) byLang.set(r.f008.lang, (byLang.get(r.f008.lang) ?? 0) + 1);
  L.push([...byLang].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${LANGS[k]} (\`${k}\`) ${n}`).join(', ') + '.');
  L.push('');
  L.push('### Records with non-Latin scripts (880 fields)');
  L.push('');
  L.push('| id | title (245 $a) | scripts |');
  L.push('|---:|---|---|');
  for (const r of records.filter((x) => x.scripts.length)) {
    const t = sf(r.allData.find((f) => f.tag === '245'), 'a').replace(/\s*[/:;=.]$/, '').replace(/\|/g, '\\|');
    L.push(`| ${r.id} | ${t} | ${[...new Set(r.scripts)].join(', ')} |`);
  }
  L.push('');
  L.push('### Deleted records (leader/05 `d`)');
  L.push('');
  for (const r of deleted) {
    const t = sf(r.allData.find((f) => f.tag === '245'), 'a').replace(/\s*[/:;=.]$/, '');
    L.push(`- ${r.id}: ${t}`);
  }
  L.push('');
  L.push('### Items');
  L.push('');
  const byLib = new Map();
  for (const it of items) byLib.set(it.home, (byLib.get(it.home) ?? 0) + 1);
  L.push('By home library: ' + [...byLib].sort().map(([k, n]) => `${k} ${n}`).join(', ') + '.');
  const perRecord = new Map();
  for (const it of items) perRecord.set(it.record, (perRecord.get(it.record) ?? 0) + 1);
  const none = records.filter((r) => !perRecord.has(r.id)).map((r) => r.id);
  const many = [...perRecord].filter(([, n]) => n >= 10).map(([id, n]) => `${id} (${n})`);
  L.push(`Records without items: ${none.length} (${none.join(', ')}). Records with 10 or more items: ${many.join(', ')}.`);
  L.push('');
  const table = (label, sel, extra) => {
    L.push(`**${label}** (${sel.length} items)`);
    L.push('');
    L.push(`| item (952$9) | record | barcode | home library${extra ? ' | ' + extra[0] : ''} |`);
    L.push(`|---:|---:|---|---${extra ? '|---' : ''}|`);
    for (const it of sel) L.push(`| ${it.itemnumber} | ${it.record} | ${it.barcode} | ${it.home}${extra ? ' | ' + extra[1](it) : ''} |`);
    L.push('');
  };
  const counts = [
    ['on loan (952$q, the due date)', items.filter((it) => it.due).length],
    ['lost (952$1 = 1)', items.filter((it) => it.lost).length],
    ['withdrawn (952$0 = 1)', items.filter((it) => it.wd).length],
    ['damaged (952$4 = 1)', items.filter((it) => it.dmg).length],
    ['not for loan (952$7 = 1)', items.filter((it) => it.nfl).length],
    ['held away from their home library (952$b differs from 952$a)', items.filter((it) => it.home !== it.holding).length],
  ];
  L.push('Item status: ' + counts.map(([k, n]) => `${n} ${k}`).join('; ') + '.');
  L.push('');
  table('Lost', items.filter((it) => it.lost));
  table('Withdrawn', items.filter((it) => it.wd));
  table('Damaged', items.filter((it) => it.dmg));
  table('Held away from home', items.filter((it) => it.home !== it.holding), ['held at (952$b)', (it) => it.holding]);
  const nfl = items.filter((it) => it.nfl);
  const nflRecords = [...new Set(nfl.map((it) => it.record))];
  L.push(`**Not for loan** (${nfl.length} items): every copy in \`RARE\`, reference copies (location \`REF\`) and a few others, on records ${nflRecords.join(', ')}.`);
  L.push('');
  L.push('<details><summary>On loan (' + items.filter((it) => it.due).length + ' items, due dates December 2026 to January 2027)</summary>');
  L.push('');
  table('On loan', items.filter((it) => it.due), ['due (952$q)', (it) => it.due]);
  L.push('</details>');
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------

function main() {
  const check = process.argv.includes('--check');
  const sources = parseSources();
  sources.sort((a, b) => a.id - b.id);
  sources.forEach((r, i) => {
    if (r.id !== i + 1) throw new Error(`${r.where}: ids must run 1..N without gaps or repeats; expected ${i + 1}, found ${r.id}`);
  });
  const state = { itemnumber: 0, items: [] };
  const built = sources.map(buildRecord);
  for (const b of built) {
    b.allData = [...b.data, ...itemFields(b, state)];
    b.leaderString = leaderString(b.leader, b.control, b.allData);
  }
  const barcodes = new Set(state.items.map((i) => i.barcode));
  if (barcodes.size !== state.items.length) throw new Error('duplicate barcodes');
  const xml = toXml(built);
  const readme = readFileSync(README, 'utf8');
  const begin = '<!-- BEGIN GENERATED: scripts/build-sample-catalogue.mjs -->';
  const end = '<!-- END GENERATED -->';
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error('sample/README.md lacks the generated-section markers');
  const newReadme = readme.slice(0, a + begin.length) + '\n' + readmeSection(built, state.items) + '\n' + readme.slice(b);
  for (const w of warnings) console.warn('warning: ' + w);
  if (check) {
    const same = readFileSync(OUT, 'utf8') === xml && readme === newReadme;
    if (!same) { console.error('sample/catalogue.xml or sample/README.md is out of date: run npm run sample:build'); process.exit(1); }
    console.log('sample catalogue is up to date');
    return;
  }
  writeFileSync(OUT, xml);
  writeFileSync(README, newReadme);
  console.log(`wrote ${OUT}: ${built.length} records, ${state.items.length} items`);
}

main();
