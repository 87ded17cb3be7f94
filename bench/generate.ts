/**
 * The benchmark record generator: `generateRecords(count, seed)` yields `count` MARC 21
 * bibliographic records with Koha-style items (952), deterministic from the seed (same seed, same
 * records, on any machine), modelled on the sample catalogue (sample/README.md): the same kinds of
 * material, languages and scripts, libraries and item conventions, but every record invented by
 * combination, never copied. Vocabularies are drawn with Zipf laws plus a synthetic long tail so
 * that word, name and subject frequencies look like a real catalogue's (a few very common terms,
 * most terms rare), which is what makes search benchmarks meaningful.
 *
 * Invariants (tested in test/bench/generate.test.ts):
 * - 001 = String(n) for n = 1..count; 003 LIBGATE;
 * - every record serialises to MARCXML valid against MARC21slim.xsd and to ISO 2709, and reads back
 *   unchanged (no repairs needed);
 * - 952 $9 item numbers run 1, 2, 3, … over the whole set; $p barcodes are unique (14 digits: 3910,
 *   the item number in 9 digits, a Luhn check digit);
 * - ISBNs and ISSNs carry valid check digits;
 * - about 1.5% of records are deletions (leader/05 'd', no items), like the sample's tombstones;
 * - a prefix is stable: the first k records of generateRecords(n, s) are those of generateRecords(k, s).
 *
 * `npm run bench -- generate --count N --out FILE [--format iso2709|marcxml] [--seed S]` writes a file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { toIso2709, toMarcXml, MARC21_NAMESPACE, type ControlField, type DataField, type MarcField, type MarcRecord, type Subfield } from '../src/marc/index.js';
import { Random } from './random.js';
import {
  CENTURIES, COMPOSERS, CORPORATE_BODIES, FORENAMES, FORM_SUBDIVISIONS, GENERAL_SUBDIVISIONS, GENRES, LABELS, LIBRARY_SHARES,
  MUSICAL_FORMS, PLACES, PUBLISHERS, SERIES, STUDIOS, SURNAMES, TOPICS, type LibraryCode,
} from './vocab/catalogue.js';
import { ENGLISH, LATIN_SCRIPT_LANGUAGES, type LanguageVocabulary } from './vocab/languages.js';
import { SCRIPTS, type ScriptVocabulary } from './vocab/scripts.js';

/** Bump when the generator's output changes on purpose (bench datasets built by older versions are rebuilt). */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** Share of records that arrive as deletions (leader/05 'd'); default 0.015. */
  readonly deletedShare?: number;
}

/** Yields records 1..count. Lazy: memory does not grow with count. */
export function* generateRecords(count: number, seed = 1, options: GenerateOptions = {}): Generator<MarcRecord> {
  const factory = new RecordFactory(seed, options.deletedShare ?? 0.015);
  for (let n = 1; n <= count; n++) yield factory.record(n);
}

// ---------------------------------------------------------------------------------------------
// Kinds of material: leader/06-07, the 008 layout, and how common each is (the sample's mix, with
// books dominating as they do in real catalogues).

type Layout = 'book' | 'serial' | 'music' | 'map' | 'visual' | 'computer' | 'mixed';
interface Kind {
  readonly name: string;
  readonly type: string;
  readonly level: string;
  readonly layout: Layout;
  readonly f007?: string;
  readonly rda: readonly [string, string, string, string, string, string];
  readonly electronic?: boolean;
}
const KINDS: Readonly<Record<string, Kind>> = {
  book: { name: 'book', type: 'a', level: 'm', layout: 'book', rda: ['text', 'txt', 'unmediated', 'n', 'volume', 'nc'] },
  ebook: { name: 'ebook', type: 'a', level: 'm', layout: 'book', f007: 'cr |||||||||||', electronic: true, rda: ['text', 'txt', 'computer', 'c', 'online resource', 'cr'] },
  analytic: { name: 'analytic', type: 'a', level: 'a', layout: 'book', rda: ['text', 'txt', 'unmediated', 'n', 'volume', 'nc'] },
  serial: { name: 'serial', type: 'a', level: 's', layout: 'serial', rda: ['text', 'txt', 'unmediated', 'n', 'volume', 'nc'] },
  website: { name: 'website', type: 'a', level: 'i', layout: 'serial', f007: 'cr |||||||||||', electronic: true, rda: ['text', 'txt', 'computer', 'c', 'online resource', 'cr'] },
  score: { name: 'score', type: 'c', level: 'm', layout: 'music', rda: ['notated music', 'ntm', 'unmediated', 'n', 'volume', 'nc'] },
  sound: { name: 'sound', type: 'j', level: 'm', layout: 'music', f007: 'sd fsngnnmmned', rda: ['performed music', 'prm', 'audio', 's', 'audio disc', 'sd'] },
  spoken: { name: 'spoken', type: 'i', level: 'm', layout: 'music', f007: 'sd fsngnnmmned', rda: ['spoken word', 'spw', 'audio', 's', 'audio disc', 'sd'] },
  map: { name: 'map', type: 'e', level: 'm', layout: 'map', f007: 'aj canzn', rda: ['cartographic image', 'cri', 'unmediated', 'n', 'sheet', 'nb'] },
  video: { name: 'video', type: 'g', level: 'm', layout: 'visual', f007: 'vd cvaizq', rda: ['two-dimensional moving image', 'tdi', 'video', 'v', 'videodisc', 'vd'] },
  image: { name: 'image', type: 'k', level: 'm', layout: 'visual', f007: 'kh bo', rda: ['still image', 'sti', 'unmediated', 'n', 'sheet', 'nb'] },
  computer: { name: 'computer', type: 'm', level: 'm', layout: 'computer', f007: 'co cga', rda: ['computer program', 'cop', 'computer', 'c', 'computer disc', 'cd'] },
  mixed: { name: 'mixed', type: 'p', level: 'c', layout: 'mixed', rda: ['text', 'txt', 'unmediated', 'n', 'volume', 'nc'] },
};
const KIND_SHARES = {
  book: 70, ebook: 3, analytic: 2, serial: 5, website: 0.5, score: 2.5, sound: 5, spoken: 1, map: 3, video: 5, image: 1.5, computer: 1, mixed: 0.5,
} as const satisfies Record<keyof typeof KINDS, number>;

/** Which language a Latin-script title vocabulary serves: eng for anything without its own list. */
const LANGUAGE_BY_CODE = new Map(LATIN_SCRIPT_LANGUAGES.map(([v]) => [v.code, v]));
const LATIN_SHARES = Object.fromEntries(LATIN_SCRIPT_LANGUAGES.map(([v, w]) => [v.code, w])) as Record<string, number>;
const SCRIPT_SHARES = Object.fromEntries(SCRIPTS.map(([, w], i) => [String(i), w])) as Record<string, number>;
const PUBLISHERS_BY_LANGUAGE = new Map<string, Array<(typeof PUBLISHERS)[number]>>();
for (const p of PUBLISHERS) PUBLISHERS_BY_LANGUAGE.set(p[3], [...(PUBLISHERS_BY_LANGUAGE.get(p[3]) ?? []), p]);

/** ISBN registration groups by language (the first digits of an ISBN-10). */
const ISBN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  eng: ['0', '1'], ger: ['3'], fre: ['2'], spa: ['84', '950', '968'], ita: ['88'], por: ['85', '972'], dut: ['90'], swe: ['91'],
  pol: ['83'], cze: ['80'], hun: ['963'], tur: ['975'], rus: ['5'], ukr: ['966'], chi: ['7'], jpn: ['4'], kor: ['89'], ara: ['977', '9953'],
  heb: ['965'], gre: ['960'], per: ['964'], hin: ['81'],
};

/** Chance that a record of this share carries non-Latin 880 fields (the language decides the script). */
const NON_LATIN_SHARE = 0.09;

const LCC_CLASSES = ['PR', 'PS', 'PQ', 'PT', 'QA', 'HD', 'PN', 'DA', 'E', 'BX', 'HQ', 'QH', 'ML', 'N', 'ND', 'JC', 'KF', 'BF', 'DC', 'DD', 'DS', 'F', 'GV', 'HF', 'HN', 'HV', 'NA', 'NK', 'QC', 'QD', 'TK', 'Z', 'G', 'M', 'BL', 'BR', 'PG', 'PL', 'PJ'];
const SYLLABLES = ['ka', 'ri', 'mo', 'ten', 'vel', 'sa', 'lo', 'ber', 'an', 'dor', 'mi', 'ru', 'stra', 'ne', 'gal', 'to', 'vi', 'kor', 'el', 'sen', 'da', 'lin', 'mar', 'os', 'be', 'rok', 'fa', 'ni', 'tus', 'ha', 'wen', 'zo', 'quil', 'pe', 'lan', 'ur', 'thi', 'gor', 'ba', 'sel', 'mu', 'ven', 'ca', 'dri', 'lé', 'ø', 'ár', 'ný', 'ço', 'ü', 'ska', 'val', 'rin', 'ton', 'ma', 'nor', 'il', 'kel', 'jo', 'ste', 'as', 'fen', 'bra', 'lu'];
const TAIL_SIZE = 250_000;

interface Person {
  /** Heading form, e.g. "Müller, Anna," */
  readonly heading: string;
  readonly dates: string | undefined;
  /** Direct order, e.g. "Anna Müller". */
  readonly display: string;
}

interface Context {
  readonly n: number;
  readonly kind: Kind;
  readonly vocab: LanguageVocabulary;
  readonly language: string;
  readonly script: ScriptVocabulary | undefined;
  readonly year: number;
  readonly rda: boolean;
}

class RecordFactory {
  private readonly rng: Random;
  private nextItemNumber = 1;
  /** Publication year of the record being built (authors' dates follow it). */
  private currentYear = 2000;

  constructor(seed: number, private readonly deletedShare: number) {
    this.rng = new Random(seed);
  }

  record(n: number): MarcRecord {
    const r = this.rng;
    const kind = KINDS[r.weighted(KIND_SHARES)]!;
    const script = kind.layout !== 'music' && r.chance(NON_LATIN_SHARE) ? SCRIPTS[Number(r.weighted(SCRIPT_SHARES))]![0] : undefined;
    const language = this.languageFor(kind, script);
    const vocab = LANGUAGE_BY_CODE.get(language) ?? ENGLISH;
    const year = this.year(kind);
    this.currentYear = year;
    const rda = year >= 2013 ? r.chance(0.75) : r.chance(0.04);
    const ctx: Context = { n, kind, vocab, language, script, year, rda };
    const deleted = r.chance(this.deletedShare);

    const fields: MarcField[] = [];
    const data: DataField[] = [];
    const vernacular: DataField[] = [];
    const link = (field: DataField, original: Subfield[]): DataField => {
      if (!script) return field;
      const occurrence = String(vernacular.length + 1).padStart(2, '0');
      vernacular.push(df('880', field.ind1, field.ind2, [sf('6', `${field.tag}-${occurrence}/${script.code}${script.rightToLeft ? '/r' : ''}`), ...original]));
      return { ...field, subfields: [sf('6', `880-${occurrence}`), ...field.subfields] };
    };

    // Main entry, title, imprint: the core every kind shares.
    const creator = this.creator(ctx);
    const title = this.title(ctx, creator?.person);
    const publisher = this.publisher(ctx);

    if (creator?.field) data.push(creator.original ? link(creator.field, creator.original) : creator.field);
    if (creator?.uniform) data.push(creator.uniform);
    data.push(title.original ? link(title.field, title.original) : title.field);
    if (title.variant) data.push(title.variant);
    if (r.chance(kind.name === 'book' ? 0.12 : 0.04)) data.push(df('250', ' ', ' ', [sf('a', vocab.edition)]));
    data.push(publisher.original ? link(publisher.field, publisher.original) : publisher.field);
    if (rda && r.chance(0.2) && year > 1990) data.push(df('264', ' ', '4', [sf('c', `©${year}`)]));

    this.identifiers(ctx, data);
    this.classification(ctx, data, creator?.person, title.sortWord);
    this.description(ctx, data, publisher.label, publisher.place);
    this.subjects(ctx, data);
    this.addedEntries(ctx, data);
    this.series(ctx, data);
    this.links(ctx, data);

    const callNumber = this.callNumber(ctx, data, creator?.person, title.sortWord);
    const items = deleted ? [] : this.items(ctx, callNumber);

    const status = deleted ? 'd' : r.chance(0.2) ? 'c' : 'n';
    const enc = r.weighted({ ' ': 80, '7': 8, '5': 7, '8': 5 });
    const control: ControlField[] = [
      { tag: '001', value: String(n) },
      { tag: '003', value: 'LIBGATE' },
      { tag: '005', value: this.timestamp() },
    ];
    if (kind.f007) control.push({ tag: '007', value: kind.f007 });
    control.push({ tag: '008', value: this.fixedField(ctx) });
    fields.push(...control);
    data.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    fields.push(...data, ...vernacular, ...items);
    const leaderBody = `${status}${kind.type}${kind.level}${kind.type === 'p' ? 'a' : ' '}a22`;
    return { leader: withLengths(`00000${leaderBody}00000${enc}${rda ? 'i' : 'a'} 4500`, fields), fields };
  }

  // -------------------------------------------------------------------------------------------
  // Language, script, dates

  private languageFor(kind: Kind, script: ScriptVocabulary | undefined): string {
    const r = this.rng;
    if (script) return r.weighted(Object.fromEntries(script.languages) as Record<string, number>);
    if ((kind.name === 'sound' && r.chance(0.6)) || (kind.name === 'image' && r.chance(0.8))) return 'zxx';
    return r.weighted(LATIN_SHARES);
  }

  /** Publication year: most records recent, a tail over five centuries. */
  private year(kind: Kind): number {
    const r = this.rng;
    const floor = kind.name === 'sound' ? 1950 : kind.name === 'video' ? 1975 : kind.electronic || kind.name === 'computer' ? 1995 : 1480;
    const bucket = r.weighted({ recent: 52, postwar: 26, early: 12, nineteenth: 7, old: 3 });
    const [from, to] = { recent: [1990, 2025], postwar: [1946, 1989], early: [1900, 1945], nineteenth: [1800, 1899], old: [1480, 1799] }[bucket] as [number, number];
    return Math.max(floor, r.int(from, to), floor === 1480 ? 0 : r.int(floor, 2025));
  }

  private timestamp(): string {
    const r = this.rng;
    const p = (v: number, w = 2) => String(v).padStart(w, '0');
    return `${r.int(2012, 2025)}${p(r.int(1, 12))}${p(r.int(1, 28))}${p(r.int(0, 23))}${p(r.int(0, 59))}${p(r.int(0, 59))}.0`;
  }

  // -------------------------------------------------------------------------------------------
  // Words and names

  /** A synthetic word from the long tail, capitalised like the names and terms that make up real tails. */
  private tailWord(): string {
    let k = this.rng.zipfRank(TAIL_SIZE, 0.9) - 1;
    let word = '';
    do {
      word += SYLLABLES[k % SYLLABLES.length];
      k = Math.floor(k / SYLLABLES.length);
    } while (k > 0);
    if (word.length < 4) word += 'ren';
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  private noun(vocab: LanguageVocabulary): string {
    return this.rng.chance(0.1) ? this.tailWord() : this.rng.zipf(vocab.nouns, 0.95);
  }

  private person(language: string): Person {
    const r = this.rng;
    const key = SURNAMES[language] ? language : 'eng';
    if (key === 'lat') {
      const heading = r.zipf(SURNAMES.lat!);
      return { heading: `${heading},`, dates: undefined, display: heading.split(', ').reverse().join(' ') };
    }
    const surname = r.chance(0.45) ? this.tailWord() : r.zipf(SURNAMES[key]!, 0.9);
    const forenames = FORENAMES[key]!;
    const forename = r.chance(0.15) ? `${r.pick(forenames)} ${r.pick(forenames).charAt(0)}.` : r.pick(forenames);
    let dates: string | undefined;
    if (r.chance(0.55)) {
      const born = r.chance(0.8) ? Math.min(1995, this.currentYear - r.int(25, 75)) : r.int(1450, Math.max(1451, this.currentYear - 25));
      const died = born + r.int(35, 95);
      dates = died < 2024 ? `${born}-${died}.` : `${born}-`;
    }
    return { heading: `${surname}, ${forename},`, dates, display: `${forename} ${surname}` };
  }

  private personField(tag: string, p: Person, relator?: string): DataField {
    const subs = [sf('a', p.dates || relator ? p.heading : p.heading.replace(/,$/, '.'))];
    if (p.dates) subs.push(sf('d', relator ? p.dates.replace(/\.$/, ',') : p.dates));
    if (relator) subs.push(sf('e', `${relator}.`));
    return df(tag, '1', ' ', subs);
  }

  // -------------------------------------------------------------------------------------------
  // 1XX / 240

  private creator(ctx: Context): { field?: DataField; original?: Subfield[]; uniform?: DataField; person?: Person } | undefined {
    const r = this.rng;
    const { kind, script } = ctx;
    if (kind.layout === 'music' && kind.name !== 'spoken') {
      const [heading, dates] = r.zipf(COMPOSERS, 0.8);
      const person = { heading, dates: `${dates}`, display: heading.replace(/,$/, '').split(', ').reverse().join(' ') };
      const field = df('100', '1', ' ', [sf('a', heading), sf('d', dates.endsWith('-') ? dates : `${dates}.`)]);
      const form = r.zipf(MUSICAL_FORMS);
      const uniform = r.chance(0.6)
        ? df('240', '1', '0', [sf('a', `${form},`), sf('m', r.pick(['piano', 'orchestra', 'violin, piano', 'strings', 'voice, piano'])), sf('n', `no. ${r.int(1, 9)}`), sf('r', `${r.pick(['C', 'D', 'E', 'F', 'G', 'A', 'B'])} ${r.pick(['major', 'minor'])}`)])
        : undefined;
      return uniform ? { field, uniform, person } : { field, person };
    }
    if (kind.name === 'serial' || kind.name === 'website' || kind.name === 'map' || (kind.name === 'video' && r.chance(0.7))) return undefined;
    if (r.chance(0.12)) return undefined; // anonymous works, collections under title
    if (r.chance(0.07)) return { field: df('110', '2', ' ', [sf('a', `${r.zipf(CORPORATE_BODIES)}.`)]) };
    if (script && r.chance(0.85)) {
      const [original, roman] = r.zipf(script.names, 0.8);
      const person = { heading: `${roman},`, dates: undefined, display: roman.split(', ').reverse().join(' ') };
      return { field: df('100', '1', ' ', [sf('a', `${roman}.`)]), original: [sf('a', `${original}.`)], person };
    }
    const person = this.person(ctx.language === 'zxx' ? 'eng' : ctx.language);
    return { field: this.personField('100', person), person };
  }

  // -------------------------------------------------------------------------------------------
  // 245 / 246

  private title(ctx: Context, author: Person | undefined): { field: DataField; original?: Subfield[]; variant?: DataField; sortWord: string } {
    const r = this.rng;
    const { kind, vocab, script } = ctx;
    const ind1 = author ? '1' : '0';
    let a: string;
    let b: string | undefined;
    let original: string | undefined;
    let originalB: string | undefined;
    if (script) {
      const words = Array.from({ length: r.int(1, 5) }, () => r.zipf(script.words, 0.9));
      original = words.map((w) => w[0]).join(script.spaced ? ' ' : '');
      a = capitalise(words.map((w) => w[1]).join(' '));
      if (r.chance(0.3)) {
        const sub = Array.from({ length: r.int(1, 3) }, () => r.zipf(script.words, 0.9));
        originalB = sub.map((w) => w[0]).join(script.spaced ? ' ' : '');
        b = sub.map((w) => w[1]).join(' ');
      }
    } else if (kind.layout === 'music' && kind.name !== 'spoken') {
      a = r.chance(0.55)
        ? `${singular(r.zipf(MUSICAL_FORMS))} no. ${r.int(1, 12)} in ${r.pick(['C', 'D', 'E♭', 'F', 'G', 'A', 'B♭'])} ${r.pick(['major', 'minor'])}, op. ${r.int(1, 130)}`
        : this.phrase(vocab);
      if (r.chance(0.3)) b = `${r.zipf(MUSICAL_FORMS).toLowerCase()} ${vocab.and} ${r.zipf(MUSICAL_FORMS).toLowerCase()}`;
    } else if (kind.name === 'serial' || kind.name === 'website') {
      const noun = this.noun(vocab);
      a = vocab === ENGLISH
        ? r.pick([`Journal of ${noun}`, `${capitalise(noun)} review`, `${capitalise(noun)} quarterly`, `Bulletin of the ${capitalise(this.noun(vocab))} Society`, `Studies in ${noun}`])
        : `${capitalise(r.zipf(vocab.nouns))} ${vocab.of} ${noun}`;
    } else if (kind.name === 'map') {
      a = r.chance(0.5) ? r.zipf(PLACES, 0.8).replace(/ \(.*\)$/, '') : `${r.zipf(PLACES, 0.8).replace(/ \(.*\)$/, '')} ${r.pick(['road map', 'topographic map', 'geological map', 'city plan', 'tourist map'])}`;
    } else {
      a = this.phrase(vocab);
      if (r.chance(0.35)) b = r.chance(0.5) ? r.zipf(vocab.subtitles) : this.phrase(vocab).toLowerCase();
    }
    let nonfiling = 0;
    if (!script && vocab.articles.length > 0 && r.chance(0.18) && kind.layout !== 'music') {
      const article = r.zipf(vocab.articles);
      a = `${article}${vocab.code === 'ger' ? a : `${a.charAt(0).toLowerCase()}${a.slice(1)}`}`;
      nonfiling = article.length;
    }
    const statement = author && r.chance(0.7) ? `${r.chance(0.3) ? 'by ' : ''}${author.display}` : undefined;
    const subs: Subfield[] = [sf('a', b || statement ? `${a}${b ? ' :' : ' /'}` : `${a}.`)];
    if (b) subs.push(sf('b', statement ? `${b} /` : `${b}.`));
    if (kind.name === 'video' && !ctx.rda) subs.splice(1, 0, sf('h', '[videorecording]'));
    if (statement) subs.push(sf('c', `${statement}.`));
    const field = df('245', ind1, String(Math.min(nonfiling, 9)), subs);
    const variant = r.chance(0.06) ? df('246', '3', '0', [sf('a', b ?? this.phrase(vocab))]) : undefined;
    const sortWord = a.slice(nonfiling);
    if (original === undefined) return variant ? { field, variant, sortWord } : { field, sortWord };
    const originalSubs = [sf('a', originalB ? `${original} :` : `${original}.`)];
    if (originalB) originalSubs.push(sf('b', `${originalB}.`));
    return { field, original: originalSubs, sortWord };
  }

  /** A title phrase in the record's language: a handful of templates over Zipf-drawn words. */
  private phrase(v: LanguageVocabulary): string {
    const r = this.rng;
    const adj = () => r.zipf(v.adjectives, 0.9);
    const noun = () => this.noun(v);
    const text = (() => {
      switch (r.weighted({ adjNoun: 20, nounOfNoun: 25, nounAndNoun: 15, nounInPlace: 10, single: 10, adjNounOfNoun: 12, name: 8 })) {
        case 'adjNoun': return `${adj()} ${noun()}`;
        case 'nounOfNoun': return `${noun()} ${v.of} ${noun()}`;
        case 'nounAndNoun': return `${noun()} ${v.and} ${noun()}`;
        case 'nounInPlace': return `${noun()} ${v.in} ${r.zipf(PLACES, 0.8).replace(/ \(.*\)$/, '')}`;
        case 'single': return noun();
        case 'adjNounOfNoun': return `${adj()} ${noun()} ${v.of} ${noun()}`;
        default: return `${this.tailWord()} ${v.and} ${this.tailWord()}`;
      }
    })();
    return capitalise(text);
  }

  // -------------------------------------------------------------------------------------------
  // 260 / 264

  private publisher(ctx: Context): { field: DataField; original?: Subfield[]; label: string; place: string } {
    const r = this.rng;
    const { kind, year, rda, script } = ctx;
    let name: string;
    let place: string;
    let original: [string, string] | undefined;
    if (script) {
      const [o, roman, po, placeRoman] = r.zipf(script.publishers);
      name = roman;
      place = placeRoman;
      original = [o, po];
    } else if (kind.name === 'sound' || kind.name === 'spoken') {
      name = r.zipf(LABELS, 0.8);
      place = r.pick(['Hamburg', 'London', 'New York', 'Paris', 'Arles', 'München']);
    } else if (kind.name === 'video') {
      name = r.zipf(STUDIOS, 0.8);
      place = r.pick(['London', 'New York', 'Los Angeles', 'Paris', 'Tokyo']);
    } else {
      const list = PUBLISHERS_BY_LANGUAGE.get(ctx.language) ?? PUBLISHERS_BY_LANGUAGE.get('eng')!;
      const chosen = r.chance(0.2) ? undefined : r.zipf(list, 0.9);
      name = chosen ? chosen[0] : `${this.tailWord()} ${r.pick(['Press', 'Verlag', 'Éditions', 'Publishing', 'Books', 'Editorial'])}`;
      place = chosen ? chosen[1] : r.zipf(PLACES, 0.8).replace(/ \(.*\)$/, '');
    }
    const multi = kind.name === 'serial' || (kind.name === 'book' && r.chance(0.03));
    const date = kind.name === 'serial' || kind.name === 'website' ? `${year}-` : multi ? `${year}-${year + r.int(1, 6)}.` : r.chance(0.08) && !rda ? `c${year}.` : year < 1700 && r.chance(0.3) ? `[${year}?]` : `${year}.`;
    const subs = [sf('a', `${place} :`), sf('b', `${name},`), sf('c', date)];
    const field = rda ? df('264', ' ', '1', subs) : df('260', ' ', ' ', subs);
    const label = name;
    if (!original) return { field, label, place };
    return { field, place, original: [sf('a', `${original[1]} :`), sf('b', `${original[0]},`), sf('c', date)], label };
  }

  // -------------------------------------------------------------------------------------------
  // 010 020 022 024 028 035 041 (and 773 for component parts)

  private identifiers(ctx: Context, data: DataField[]): void {
    const r = this.rng;
    const { kind, year, language } = ctx;
    if (language === 'eng' && r.chance(0.3) && year > 1900) {
      data.push(df('010', ' ', ' ', [sf('a', year < 2001 ? `   ${String(year).slice(2)}${digits(r, 6)} ` : `  ${year}${digits(r, 6)}`)]));
    }
    if ((kind.layout === 'book' && kind.level === 'm') || kind.name === 'map' || kind.name === 'computer') {
      if (year >= 1970 && r.chance(0.75)) {
        const isbn10 = makeIsbn10(r, ISBN_GROUPS[language] ?? ['0', '1']);
        const qualifier = r.chance(0.4) ? r.pick(['paperback', 'hardcover', 'pbk.', 'cloth', 'electronic book']) : undefined;
        if (year >= 2007) {
          const subs = [sf('a', isbn13From10(isbn10))];
          if (qualifier) subs.push(sf('q', `(${qualifier})`));
          data.push(df('020', ' ', ' ', subs));
          if (r.chance(0.3)) data.push(df('020', ' ', ' ', [sf('a', isbn10)]));
        } else {
          data.push(df('020', ' ', ' ', [sf('a', qualifier && !ctx.rda ? `${isbn10} (${qualifier})` : isbn10)]));
        }
        if (r.chance(0.05)) data.push(df('020', ' ', ' ', [sf('z', makeIsbn10(r, ['0']))]));
      }
    }
    if (kind.level === 's' || kind.level === 'i') {
      if (r.chance(0.85)) data.push(df('022', '0', ' ', [sf('a', makeIssn(r))]));
    }
    if (kind.name === 'sound' || kind.name === 'video') {
      if (year >= 1985 && r.chance(0.6)) data.push(df('024', '1', ' ', [sf('a', makeUpc(r))]));
      if (r.chance(0.7)) data.push(df('028', '0', '2', [sf('a', `${r.pick(['DG', 'SK', 'CD', 'HMC', 'ECM', 'BD'])} ${r.int(100, 99999)}`), sf('b', r.zipf(kind.name === 'video' ? STUDIOS : LABELS))]));
    }
    if (r.chance(0.5)) data.push(df('035', ' ', ' ', [sf('a', `(OCoLC)${r.int(1000000, 999999999)}`)]));
    data.push(df('040', ' ', ' ', ctx.rda ? [sf('a', 'LIBGATE'), sf('b', 'eng'), sf('e', 'rda'), sf('c', 'LIBGATE')] : [sf('a', 'LIBGATE'), sf('b', 'eng'), sf('c', 'LIBGATE')]));
    if (language !== 'zxx' && r.chance(0.06)) {
      data.push(df('041', '1', ' ', [sf('a', language), sf('h', r.pick(['eng', 'ger', 'fre', 'rus', 'spa', 'ita', 'jpn']))]));
    }
    if (kind.level === 'a') {
      data.push(df('773', '0', ' ', [sf('t', `${this.phrase(ENGLISH)}.`), sf('g', `Vol. ${r.int(1, 80)}, no. ${r.int(1, 12)} (${ctx.year}), p. ${r.int(1, 300)}-${r.int(301, 400)}`)]));
    }
  }

  // -------------------------------------------------------------------------------------------
  // 050 / 082 and the call number of the items

  private classification(ctx: Context, data: DataField[], author: Person | undefined, titleWord: string): void {
    const r = this.rng;
    if (ctx.kind.electronic && r.chance(0.5)) return;
    const cutterFrom = (author?.heading ?? titleWord).replace(/[^A-Za-z]/g, '').charAt(0).toUpperCase() || 'A';
    if (r.chance(0.65)) {
      const cls = ctx.kind.layout === 'music' ? r.pick(['M', 'ML', 'MT']) : ctx.kind.layout === 'map' ? 'G' : r.zipf(LCC_CLASSES, 0.7);
      const number = r.chance(0.3) ? `${r.int(1, 9999)}.${r.int(1, 99)}` : String(r.int(1, 9999));
      data.push(df('050', r.chance(0.3) ? '0' : ' ', '4', [sf('a', `${cls}${number}`), sf('b', `.${cutterFrom}${r.int(1, 99)} ${ctx.year}`)]));
    }
    if (r.chance(0.55)) {
      const ddc = `${String(r.int(0, 999)).padStart(3, '0')}${r.chance(0.7) ? `.${r.int(1, 9999)}` : ''}`;
      data.push(df('082', '0', '4', [sf('a', ddc), sf('2', String(r.int(18, 23)))]));
    }
  }

  private callNumber(ctx: Context, data: readonly DataField[], author: Person | undefined, titleWord: string): { value: string; source: string } {
    const lcc = data.find((f) => f.tag === '050');
    if (lcc) return { value: lcc.subfields.map((s) => s.value).join(' '), source: 'lcc' };
    const cutter = (author?.heading ?? titleWord).normalize('NFD').replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase() || 'XXX';
    const ddc = data.find((f) => f.tag === '082');
    if (ddc) return { value: `${ddc.subfields[0]!.value.replace('/', '')} ${cutter}`, source: 'ddc' };
    const prefix = { sound: 'CD', spoken: 'CD', video: 'DVD', map: 'MAP', image: 'PIC', computer: 'SOFT', score: 'SCORE', serial: 'PER' }[ctx.kind.name] ?? 'GEN';
    return { value: `${prefix} ${cutter} ${ctx.n % 1000}`, source: 'z' };
  }

  // -------------------------------------------------------------------------------------------
  // 300, 33X, 5XX

  private description(ctx: Context, data: DataField[], publisherName: string, publisherPlace: string): void {
    const r = this.rng;
    const { kind, rda, vocab } = ctx;
    const pages = r.int(24, 900);
    const extent: Subfield[] = (() => {
      switch (kind.name) {
        case 'book': case 'analytic':
          return rda
            ? [sf('a', `${r.chance(0.5) ? `${roman(r.int(5, 30))}, ` : ''}${pages} pages :`), sf('b', 'illustrations ;'), sf('c', `${r.int(17, 31)} cm`)]
            : [sf('a', `${r.chance(0.5) ? `${roman(r.int(5, 30))}, ` : ''}${pages} p. :`), sf('b', 'ill. ;'), sf('c', `${r.int(17, 31)} cm.`)];
        case 'ebook': case 'website': return [sf('a', `1 online resource (${pages} pages)`)];
        case 'serial': return [sf('a', 'v. :'), sf('b', 'ill. ;'), sf('c', `${r.int(21, 30)} cm.`)];
        case 'score': return [sf('a', `1 score (${r.int(12, 240)} p.) ;`), sf('c', `${r.int(23, 33)} cm.`)];
        case 'sound': case 'spoken':
          return ctx.year < 1985
            ? [sf('a', r.chance(0.6) ? '1 sound disc :' : `${r.int(2, 3)} sound discs :`), sf('b', 'analog, 33 1/3 rpm ;'), sf('c', '12 in.')]
            : [sf('a', `1 audio disc (${r.int(30, 79)} min.) :`), sf('b', 'digital ;'), sf('c', '4 3/4 in.')];
        case 'map': return [sf('a', '1 map :'), sf('b', 'color ;'), sf('c', `${r.int(30, 120)} x ${r.int(30, 120)} cm.`)];
        case 'video': return [sf('a', `1 videodisc (${r.int(70, 200)} min.) :`), sf('b', 'sound, color ;'), sf('c', '4 3/4 in.')];
        case 'image': return [sf('a', `1 ${r.pick(['photograph', 'print', 'poster', 'drawing'])} :`), sf('b', r.pick(['gelatin silver', 'woodcut', 'lithograph, color', 'ink'])), sf('c', `${r.int(10, 90)} x ${r.int(10, 90)} cm.`)];
        case 'computer': return [sf('a', '1 computer disc ;'), sf('c', '4 3/4 in.')];
        default: return [sf('a', `${r.int(1, 40)} linear ft.`)];
      }
    })();
    data.push(df('300', ' ', ' ', extent));
    if (kind.name === 'map') data.push(df('255', ' ', ' ', [sf('a', `Scale 1:${r.pick(['25,000', '50,000', '100,000', '250,000', '1,000,000', '5,000,000'])}.`)]));
    if (kind.name === 'serial') {
      data.push(df('310', ' ', ' ', [sf('a', r.pick(['Quarterly', 'Monthly', 'Annual', 'Bimonthly', 'Weekly']))]));
      data.push(df('362', '0', ' ', [sf('a', `Vol. 1, no. 1 (${ctx.year})-`)]));
    }
    if (rda) {
      const [content, contentCode, media, mediaCode, carrier, carrierCode] = kind.rda;
      data.push(df('336', ' ', ' ', [sf('a', content), sf('b', contentCode), sf('2', 'rdacontent')]));
      data.push(df('337', ' ', ' ', [sf('a', media), sf('b', mediaCode), sf('2', 'rdamedia')]));
      data.push(df('338', ' ', ' ', [sf('a', carrier), sf('b', carrierCode), sf('2', 'rdacarrier')]));
    }
    if (r.chance(0.25)) data.push(df('500', ' ', ' ', [sf('a', r.pick([
      'Includes index.', `Originally published: ${publisherPlace} : ${publisherName}, ${ctx.year - r.int(1, 60)}.`,
      `Translation of: ${this.phrase(vocab)}.`, 'Title from cover.', `"${capitalise(this.noun(vocab))} edition"--Cover.`, 'Includes bibliographical references.',
    ]))]));
    if (kind.layout === 'book' && r.chance(0.35)) data.push(df('504', ' ', ' ', [sf('a', `Includes bibliographical references (pages ${r.int(200, 400)}-${r.int(401, 480)}) and index.`)]));
    if (r.chance(0.1)) {
      const parts = Array.from({ length: r.int(3, 9) }, () => this.phrase(vocab));
      data.push(df('505', '0', ' ', [sf('a', `${parts.join(' -- ')}.`)]));
    }
    if (r.chance(kind.name === 'video' ? 0.8 : 0.2)) {
      const sentence = () => `${capitalise(`${r.zipf(ENGLISH.adjectives)} ${this.noun(ENGLISH)} ${r.pick(['of', 'and', 'in', 'for', 'about'])} ${this.noun(ENGLISH)}`)}`;
      data.push(df('520', ' ', ' ', [sf('a', `${Array.from({ length: r.int(1, 4) }, sentence).join('. ')}.`)]));
    }
    if (kind.name === 'sound' && r.chance(0.6)) data.push(df('511', '0', ' ', [sf('a', `${r.zipf(CORPORATE_BODIES.slice(19, 24))} ; ${this.person('eng').display}, conductor.`)]));
    if (kind.name === 'video') {
      if (r.chance(0.6)) data.push(df('546', ' ', ' ', [sf('a', `In ${r.pick(['English', 'French', 'Japanese', 'German', 'Italian', 'Spanish'])} with ${r.pick(['English', 'optional English', 'French'])} subtitles.`)]));
      data.push(df('538', ' ', ' ', [sf('a', r.chance(0.3) && ctx.year > 2008 ? 'Blu-ray.' : 'DVD; region 2.')]));
    }
    if (kind.name === 'computer') data.push(df('538', ' ', ' ', [sf('a', 'System requirements: PC or Mac; CD-ROM drive.')]));
    if (kind.name === 'mixed') data.push(df('545', '0', ' ', [sf('a', `${this.person('eng').display} was a ${r.zipf(['writer', 'teacher', 'physician', 'merchant', 'architect', 'composer'])}.`)]));
  }

  // -------------------------------------------------------------------------------------------
  // 6XX

  private subjects(ctx: Context, data: DataField[]): void {
    const r = this.rng;
    const { kind } = ctx;
    if (kind.name === 'image' && r.chance(0.3)) return;
    const topical = r.int(kind.layout === 'book' ? 1 : 0, 4);
    for (let i = 0; i < topical; i++) {
      const subs = [sf('a', r.zipf(TOPICS, 0.85))];
      if (r.chance(0.35)) subs.push(sf('z', r.zipf(PLACES, 0.9)));
      if (r.chance(0.3)) subs.push(sf('x', r.zipf(GENERAL_SUBDIVISIONS)));
      if (r.chance(0.2)) subs.push(sf('y', r.zipf(CENTURIES)));
      if (r.chance(kind.name === 'score' ? 0.9 : 0.25)) subs.push(sf('v', kind.name === 'score' ? 'Scores' : r.zipf(FORM_SUBDIVISIONS)));
      terminate(subs);
      data.push(df('650', ' ', r.chance(0.9) ? '0' : '7', r.chance(0.1) ? [...subs, sf('2', r.pick(['fast', 'gnd', 'ram']))] : subs));
    }
    if (r.chance(kind.name === 'map' ? 1 : 0.2)) {
      const subs = [sf('a', r.zipf(PLACES, 0.9))];
      if (kind.name === 'map') subs.push(sf('v', 'Maps.'));
      else {
        subs.push(sf('x', r.zipf(GENERAL_SUBDIVISIONS)));
        if (r.chance(0.4)) subs.push(sf('y', r.zipf(CENTURIES)));
        terminate(subs);
      }
      data.push(df('651', ' ', '0', subs));
    }
    if (r.chance(0.08)) {
      const p = this.person(ctx.language === 'zxx' ? 'eng' : ctx.language);
      const field = this.personField('600', p);
      data.push({ ...field, ind2: '0', subfields: [...field.subfields.map((s, i) => (i === field.subfields.length - 1 ? sf(s.code, s.value.replace(/\.$/, '')) : s)), sf('v', 'Biography.')] });
    }
    if (r.chance(ctx.rda ? 0.6 : 0.12)) data.push(df('655', ' ', '7', [sf('a', `${r.zipf(GENRES, 0.8)}.`), sf('2', 'lcgft')]));
  }

  // -------------------------------------------------------------------------------------------
  // 7XX, 490/830, 856

  private addedEntries(ctx: Context, data: DataField[]): void {
    const r = this.rng;
    const count = r.weighted({ '0': 55, '1': 25, '2': 12, '3': 8 });
    for (let i = 0; i < Number(count); i++) {
      const relator = ctx.kind.name === 'video' ? r.pick(['film director', 'actor', 'screenwriter']) : r.pick(['editor', 'translator', 'illustrator', 'author of introduction, etc.', 'contributor']);
      data.push(this.personField('700', this.person(ctx.language === 'zxx' ? 'eng' : ctx.language), relator));
    }
    if (r.chance(0.05)) data.push(df('710', '2', ' ', [sf('a', `${r.zipf(CORPORATE_BODIES)}.`)]));
  }

  private series(ctx: Context, data: DataField[]): void {
    const r = this.rng;
    if (ctx.kind.layout !== 'book' || !r.chance(0.15)) return;
    const title = r.chance(0.6) ? r.zipf(SERIES) : `${this.phrase(ctx.vocab)}`;
    const volume = String(r.int(1, 400));
    data.push(df('490', '1', ' ', [sf('a', `${title} ;`), sf('v', volume)]));
    data.push(df('830', ' ', '0', [sf('a', `${title} ;`), sf('v', `${volume}.`)]));
  }

  private links(ctx: Context, data: DataField[]): void {
    const r = this.rng;
    if (!ctx.kind.electronic && !r.chance(0.04)) return;
    data.push(df('856', '4', ctx.kind.electronic ? '0' : '1', [sf('u', `https://resources.example.org/libgate/${ctx.n}`), sf('z', ctx.kind.electronic ? 'Available online' : 'Table of contents')]));
  }

  // -------------------------------------------------------------------------------------------
  // 008

  private fixedField(ctx: Context): string {
    const r = this.rng;
    const { kind, year, language } = ctx;
    const entered = `${String(r.int(12, 25))}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    let dates: string;
    if (kind.level === 's' || kind.level === 'i') dates = r.chance(0.8) ? `c${year}9999` : `d${year}${Math.min(2024, year + r.int(1, 60))}`;
    else if (year < 1700 && r.chance(0.2)) dates = `q${String(year).slice(0, 2)}uu${String(year).slice(0, 2)}99`;
    else if (r.chance(0.04)) dates = `m${year}${year + r.int(1, 6)}`;
    else if (r.chance(0.04) && year > 1900) dates = `r${year}${year - r.int(1, 80)}`;
    else dates = `s${year}    `;
    const place = this.placeCode(ctx).padEnd(3, ' ');
    const material = (() => {
      switch (kind.layout) {
        case 'book': {
          const ill = r.chance(0.4) ? 'a   ' : '    ';
          const form = kind.electronic ? 'o' : ' ';
          const cont = r.chance(0.35) ? 'b   ' : '    ';
          const lit = r.weighted({ '0': 60, '1': 25, f: 5, p: 4, d: 3, j: 3 });
          return `${ill} ${form}${cont} ${r.chance(0.05) ? '1' : '0'}0${r.chance(0.3) ? '1' : '0'} ${lit}${r.chance(0.1) ? 'b' : ' '}`;
        }
        case 'serial':
          return `${kind.level === 'i' ? 'k' : r.pick(['q', 'm', 'a', 'b', 'w'])}r ${kind.level === 'i' ? 'w' : 'p'} ${kind.electronic ? 'o' : ' '}     0   a0`;
        case 'music': {
          const comp = kind.name === 'spoken' ? 'nn' : r.pick(['sy', 'sn', 'co', 'sg', 'jz', 'op', 'zz', 'mu']);
          return `${comp}${kind.name === 'score' ? 'a' : 'n'}${kind.name === 'score' ? ' ' : 'n'}  ${'      '}${kind.name === 'spoken' ? 'd ' : '  '} ${kind.name === 'score' ? ' ' : 'n'} `;
        }
        case 'map': return `    ${r.pick(['  ', 'aa', 'bd'])} a  ${' '}${' '} 0   `;
        case 'visual':
          return kind.name === 'video'
            ? `${String(r.int(70, 200)).padStart(3, '0')}       ${' '} ${'   '}vl`
            : `nnn         ${'   '}in`;
        case 'computer': return '        m        ';
        default: return '                 ';
      }
    })();
    const value = `${entered}${dates}${place}${material}${language} d`;
    if (value.length !== 40) throw new Error(`generator bug: 008 of record ${ctx.n} is ${value.length} characters (${kind.layout})`);
    return value;
  }

  private placeCode(ctx: Context): string {
    const byLanguage: Readonly<Record<string, string>> = {
      eng: 'enk', ger: 'gw', fre: 'fr', spa: 'sp', ita: 'it', por: 'bl', dut: 'ne', swe: 'sw', pol: 'pl', cze: 'xr', hun: 'hu', tur: 'tu',
      lat: 'it', rus: 'ru', ukr: 'un', srp: 'rb', bul: 'bu', chi: 'cc', jpn: 'ja', kor: 'ko', ara: 'ua', per: 'ir', urd: 'pk', heb: 'is',
      yid: 'nyu', gre: 'gr', hin: 'ii', san: 'ii', mar: 'ii', arm: 'ai', geo: 'gs', ben: 'ii', tha: 'th', zxx: 'xx',
    };
    if (ctx.language === 'eng') return this.rng.pick(['enk', 'nyu', 'mau', 'cau', 'ilu', 'nju', 'onc', 'at', 'xxk', 'xxu']);
    return byLanguage[ctx.language] ?? 'xx';
  }

  // -------------------------------------------------------------------------------------------
  // 952 items (Koha MARC21 framework, as in the sample catalogue)

  private items(ctx: Context, callNumber: { value: string; source: string }): DataField[] {
    const r = this.rng;
    const { kind, year } = ctx;
    if (kind.electronic && r.chance(0.85)) return [];
    const count = kind.name === 'serial' ? r.int(1, 6) : Number(r.weighted({ '0': 2, '1': 45, '2': 24, '3': 12, '4': 8, '5': 5, '6': 4 }));
    const av = kind.name === 'sound' || kind.name === 'spoken' || kind.name === 'video' || kind.name === 'score';
    const out: DataField[] = [];
    for (let i = 0; i < count; i++) {
      const itemNumber = this.nextItemNumber++;
      let home: LibraryCode;
      if (year < 1850 && kind.layout === 'book' && r.chance(0.8)) home = 'RARE';
      else if (av && r.chance(0.75)) home = 'MUSIC';
      else home = r.weighted(LIBRARY_SHARES);
      const reference = home !== 'RARE' && kind.layout === 'book' && r.chance(0.05);
      const location = home === 'RARE' ? 'RARE'
        : reference ? 'REF'
          : kind.name === 'serial' ? (home === 'ANNEX' ? 'STACKS' : 'PER')
            : av ? (kind.name === 'score' ? 'SCORE' : 'AV')
              : kind.name === 'map' ? 'MAP'
                : home === 'ANNEX' ? 'STACKS'
                  : r.chance(0.08) ? 'CHILD' : 'GEN';
      const itemType = reference ? 'REF' : itemTypeFor(kind, year, r);
      const subs: Subfield[] = [sf('9', String(itemNumber)), sf('a', home)];
      subs.push(sf('b', r.chance(0.015) ? r.pick(['CENTRAL', 'EAST', 'MUSIC', 'ANNEX'].filter((l) => l !== home)) : home));
      subs.push(sf('c', location));
      subs.push(sf('d', `${r.int(Math.max(1990, Math.min(year, 2024)), 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`));
      if (r.chance(0.1)) subs.push(sf('g', `${r.int(5, 120)}.${String(r.int(0, 99)).padStart(2, '0')}`));
      if (kind.name === 'serial') subs.push(sf('h', `v. ${i + 1} (${year + i})`));
      else if (count > 1 && r.chance(0.1)) subs.push(sf('h', `v. ${i + 1}`));
      subs.push(sf('o', callNumber.value));
      subs.push(sf('p', barcode(itemNumber)));
      const notForLoan = home === 'RARE' || reference || r.chance(0.02);
      const lost = !notForLoan && r.chance(0.006);
      if (!notForLoan && !lost && r.chance(0.12)) subs.push(sf('q', `${r.chance(0.5) ? '2026-12' : '2027-01'}-${String(r.int(1, 28)).padStart(2, '0')}`));
      subs.push(sf('y', itemType));
      subs.push(sf('2', callNumber.source));
      if (notForLoan) subs.push(sf('7', '1'));
      if (lost) subs.push(sf('1', '1'));
      if (r.chance(0.003)) subs.push(sf('0', '1'));
      if (r.chance(0.012)) subs.push(sf('4', '1'));
      out.push(df('952', ' ', ' ', subs));
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function sf(code: string, value: string): Subfield {
  return { code, value };
}

function df(tag: string, ind1: string, ind2: string, subfields: Subfield[]): DataField {
  return { tag, ind1, ind2, subfields };
}

function singular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith('sses')) return plural.slice(0, -2);
  return plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends the last subfield of a heading with a full stop (LCSH punctuation), unless it ends with one already. */
function terminate(subs: Subfield[]): void {
  const last = subs[subs.length - 1]!;
  if (!/[.)?-]$/.test(last.value)) subs[subs.length - 1] = sf(last.code, `${last.value}.`);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) { out += symbol; n -= value; }
  return out;
}

function digits(r: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(r.int(0, 9));
  return out;
}

/** An ISBN-10 in one of the groups, with a valid mod-11 check digit (X for 10). */
export function makeIsbn10(r: Random, groups: readonly string[]): string {
  const body = `${r.pick(groups)}${digits(r, 9)}`.slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(body[i]);
  const check = (11 - (sum % 11)) % 11;
  return `${body}${check === 10 ? 'X' : String(check)}`;
}

export function isbn13From10(isbn10: string): string {
  const core = `978${isbn10.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
  return `${core}${(10 - (sum % 10)) % 10}`;
}

/** An ISSN NNNN-NNNC with a valid mod-11 check character. */
export function makeIssn(r: Random): string {
  const body = digits(r, 7);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (8 - i) * Number(body[i]);
  const check = (11 - (sum % 11)) % 11;
  return `${body.slice(0, 4)}-${body.slice(4)}${check === 10 ? 'X' : String(check)}`;
}

/** A 12-digit UPC-A with its check digit. */
function makeUpc(r: Random): string {
  const body = digits(r, 11);
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** 14-digit barcode: 3910, the item number in 9 digits, a Luhn check digit (unique per item number). */
export function barcode(itemNumber: number): string {
  const body = `3910${String(itemNumber).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function itemTypeFor(kind: Kind, year: number, r: Random): string {
  switch (kind.name) {
    case 'serial': return 'SER';
    case 'score': return 'SCORE';
    case 'sound': case 'spoken': return year < 1985 ? 'LP' : 'CD';
    case 'video': return year > 2008 && r.chance(0.3) ? 'BLURAY' : 'DVD';
    case 'map': return 'MAP';
    case 'image': return r.pick(['PHOTO', 'PRINT', 'POSTER']);
    case 'computer': return r.chance(0.5) ? 'SOFT' : 'CDROM';
    default: return 'BK';
  }
}

/** Leader/00-04 and 12-16 for the ISO 2709 serialisation (UTF-8 byte lengths), as real records carry them. */
function withLengths(leader: string, fields: readonly MarcField[]): string {
  let body = 0;
  for (const field of fields) {
    if ('value' in field) body += Buffer.byteLength(field.value, 'utf8') + 1;
    else {
      body += 3; // indicators + field terminator
      for (const s of field.subfields) body += 2 + Buffer.byteLength(s.value, 'utf8');
    }
  }
  const base = 24 + 12 * fields.length + 1;
  const length = base + body + 1;
  if (length > 99999) return leader;
  return `${String(length).padStart(5, '0')}${leader.slice(5, 12)}${String(base).padStart(5, '0')}${leader.slice(17)}`;
}

// ---------------------------------------------------------------------------------------------
// Writing files

export type BenchFormat = 'iso2709' | 'marcxml';

export interface WrittenFile {
  readonly file: string;
  readonly records: number;
  readonly items: number;
  readonly bytes: number;
}

/** Writes generated records to a file (streaming, with back-pressure). */
export async function writeRecordsFile(file: string, options: { count: number; seed?: number; format?: BenchFormat }): Promise<WrittenFile> {
  const format = options.format ?? 'iso2709';
  const out = createWriteStream(file);
  let bytes = 0;
  let items = 0;
  let records = 0;
  const write = async (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (format === 'marcxml') await write(`<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="${MARC21_NAMESPACE}">\n`);
  let pending: Array<Buffer | string> = [];
  for (const record of generateRecords(options.count, options.seed ?? 1)) {
    records++;
    for (const f of record.fields) if (f.tag === '952') items++;
    pending.push(format === 'marcxml' ? `${toMarcXml(record, { namespace: false })}\n` : toIso2709(record));
    if (pending.length >= 256) {
      await write(format === 'marcxml' ? pending.join('') : Buffer.concat(pending as Buffer[]));
      pending = [];
    }
  }
  if (pending.length > 0) await write(format === 'marcxml' ? pending.join('') : Buffer.concat(pending as Buffer[]));
  if (format === 'marcxml') await write('</collection>\n');
  out.end();
  await finished(out);
  return { file, records, items, bytes };
}

/** `npm run bench -- generate --count N --out FILE [--format iso2709|marcxml] [--seed S]` */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, format: { type: 'string', default: 'iso2709' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!values.out) throw new Error('--out FILE is required');
  if (values.format !== 'iso2709' && values.format !== 'marcxml') throw new Error('--format must be iso2709 or marcxml');
  const started = performance.now();
  const written = await writeRecordsFile(values.out, { count, seed, format: values.format });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`wrote ${written.records} records with ${written.items} items (${(written.bytes / 1e6).toFixed(1)} MB, ${values.format}, seed ${seed}) to ${values.out} in ${seconds.toFixed(1)} s\n`);
}
