/**
 * Title vocabularies of the languages written in Latin script, ordered roughly from the most to
 * the least frequent in catalogue titles: the generator draws them with a Zipf law, so the order
 * is what gives searches their realistic spread (a few words in most records, a long tail in few).
 * Words written for this benchmark; diacritics are on purpose (folding must find them).
 */
export interface LanguageVocabulary {
  /** MARC language code (008/35-37). */
  readonly code: string;
  /** Articles that start titles, with the non-filing count 245 ind2 needs (article + space). */
  readonly articles: readonly string[];
  readonly of: string;
  readonly and: string;
  readonly in: string;
  readonly nouns: readonly string[];
  readonly adjectives: readonly string[];
  /** Subtitle openers ("a novel", "an introduction"). */
  readonly subtitles: readonly string[];
  /** Edition statement (250 $a). */
  readonly edition: string;
}

export const ENGLISH: LanguageVocabulary = {
  code: 'eng',
  articles: ['The ', 'A ', 'An '],
  of: 'of',
  and: 'and',
  in: 'in',
  nouns: [
    'history', 'introduction', 'life', 'world', 'study', 'guide', 'art', 'war', 'theory', 'development',
    'handbook', 'science', 'society', 'politics', 'language', 'music', 'law', 'literature', 'culture', 'essays',
    'age', 'women', 'time', 'children', 'man', 'people', 'nature', 'america', 'state', 'power',
    'poems', 'stories', 'letters', 'papers', 'economy', 'philosophy', 'religion', 'education', 'church', 'city',
    'family', 'house', 'love', 'death', 'government', 'land', 'road', 'sea', 'book', 'century',
    'revolution', 'empire', 'england', 'europe', 'principles', 'practice', 'methods', 'analysis', 'survey', 'report',
    'memoirs', 'journey', 'problems', 'origins', 'evolution', 'mind', 'body', 'health', 'medicine', 'energy',
    'water', 'earth', 'light', 'night', 'day', 'year', 'years', 'king', 'queen', 'lord',
    'garden', 'river', 'mountain', 'island', 'forest', 'fire', 'stone', 'gold', 'silver', 'iron',
    'trade', 'industry', 'business', 'management', 'finance', 'money', 'labor', 'work', 'workers', 'class',
    'race', 'identity', 'memory', 'dreams', 'voices', 'shadows', 'secrets', 'lives', 'heroes', 'saints',
    'painting', 'architecture', 'sculpture', 'design', 'photography', 'film', 'theatre', 'drama', 'opera', 'dance',
    'mathematics', 'physics', 'chemistry', 'biology', 'geology', 'astronomy', 'ecology', 'genetics', 'psychology', 'sociology',
    'anthropology', 'archaeology', 'linguistics', 'rhetoric', 'logic', 'ethics', 'aesthetics', 'democracy', 'freedom', 'justice',
    'rights', 'reform', 'crisis', 'conflict', 'peace', 'army', 'navy', 'battle', 'siege', 'frontier',
    'colonies', 'nation', 'republic', 'constitution', 'parliament', 'court', 'crime', 'punishment', 'prison', 'police',
    'village', 'town', 'streets', 'market', 'harbour', 'railway', 'bridge', 'castle', 'cathedral', 'monastery',
    'manuscripts', 'printing', 'libraries', 'readers', 'writing', 'words', 'grammar', 'dictionary', 'atlas', 'encyclopedia',
    'childhood', 'youth', 'marriage', 'friendship', 'faith', 'hope', 'fear', 'truth', 'reason', 'imagination',
    'technology', 'computers', 'networks', 'information', 'data', 'systems', 'engineering', 'machines', 'software', 'algorithms',
    'climate', 'weather', 'animals', 'birds', 'plants', 'flowers', 'trees', 'insects', 'fishes', 'horses',
    'food', 'wine', 'cooking', 'bread', 'travel', 'voyages', 'explorers', 'maps', 'discovery', 'invention',
    'symphony', 'songs', 'sonatas', 'concertos', 'quartets', 'ballads', 'hymns', 'jazz', 'blues', 'folk',
    'tales', 'legends', 'myths', 'gods', 'heaven', 'hell', 'soul', 'spirit', 'ghosts', 'witches',
    'diary', 'journal', 'chronicle', 'annals', 'proceedings', 'transactions', 'review', 'quarterly', 'bulletin', 'yearbook',
    'physician', 'surgeon', 'doctor', 'teacher', 'student', 'scholar', 'poet', 'painter', 'composer', 'soldier',
    'merchant', 'sailor', 'farmer', 'priest', 'prince', 'emperor', 'president', 'minister', 'stranger', 'traveller',
    'winter', 'summer', 'spring', 'autumn', 'morning', 'evening', 'sun', 'moon', 'stars', 'sky',
  ],
  adjectives: [
    'new', 'modern', 'american', 'british', 'english', 'early', 'social', 'political', 'great', 'french',
    'german', 'old', 'short', 'complete', 'collected', 'selected', 'critical', 'historical', 'practical', 'general',
    'ancient', 'medieval', 'contemporary', 'international', 'national', 'european', 'natural', 'human', 'cultural', 'economic',
    'comparative', 'applied', 'public', 'private', 'secret', 'hidden', 'lost', 'last', 'first', 'second',
    'little', 'long', 'dark', 'golden', 'silent', 'wild', 'strange', 'sacred', 'classical', 'romantic',
    'industrial', 'colonial', 'global', 'urban', 'rural', 'scientific', 'literary', 'musical', 'visual', 'digital',
    'italian', 'spanish', 'russian', 'chinese', 'japanese', 'african', 'indian', 'islamic', 'jewish', 'christian',
    'victorian', 'georgian', 'elizabethan', 'imperial', 'royal', 'civil', 'military', 'naval', 'maritime', 'atlantic',
    'pacific', 'northern', 'southern', 'eastern', 'western', 'scottish', 'irish', 'welsh', 'canadian', 'australian',
    'illustrated', 'annotated', 'concise', 'essential', 'advanced', 'elementary', 'revised', 'unfinished', 'forgotten', 'invisible',
  ],
  subtitles: ['a novel', 'an introduction', 'a history', 'essays', 'poems', 'a study', 'selected writings', 'a biography', 'a memoir', 'a guide', 'stories', 'a reader', 'a documentary history', 'a critical edition'],
  edition: '2nd ed.',
};

export const GERMAN: LanguageVocabulary = {
  code: 'ger',
  articles: ['Der ', 'Die ', 'Das ', 'Ein ', 'Eine '],
  of: 'der',
  and: 'und',
  in: 'in',
  nouns: [
    'Geschichte', 'Einführung', 'Leben', 'Welt', 'Kunst', 'Krieg', 'Theorie', 'Entwicklung', 'Handbuch', 'Gesellschaft',
    'Sprache', 'Musik', 'Recht', 'Literatur', 'Kultur', 'Zeit', 'Kinder', 'Menschen', 'Natur', 'Staat',
    'Gedichte', 'Erzählungen', 'Briefe', 'Schriften', 'Wirtschaft', 'Philosophie', 'Religion', 'Bildung', 'Kirche', 'Stadt',
    'Familie', 'Haus', 'Liebe', 'Tod', 'Reise', 'Jahrhundert', 'Reformation', 'Aufklärung', 'Romantik', 'Deutschland',
    'Österreich', 'Schweiz', 'Straße', 'Brücke', 'Märchen', 'Sagen', 'Grundlagen', 'Untersuchungen', 'Beiträge', 'Studien',
    'Wörterbuch', 'Lehrbuch', 'Verfassung', 'Politik', 'Arbeit', 'Gärten', 'Flüsse', 'Berge', 'Wälder', 'Nacht',
    'Tagebücher', 'Erinnerungen', 'Träume', 'Stimmen', 'Schatten', 'Fürsten', 'Könige', 'Kaiser', 'Bürger', 'Bauern',
    'Wissenschaft', 'Mathematik', 'Physik', 'Chemie', 'Medizin', 'Psychologie', 'Soziologie', 'Ästhetik', 'Ethik', 'Logik',
  ],
  adjectives: ['neue', 'deutsche', 'alte', 'moderne', 'kleine', 'große', 'gesammelte', 'ausgewählte', 'kritische', 'frühe', 'späte', 'europäische', 'österreichische', 'schöne', 'dunkle', 'verlorene', 'öffentliche', 'heilige'],
  subtitles: ['Roman', 'eine Einführung', 'Gedichte', 'Erzählungen', 'Studien', 'ein Handbuch', 'Essays', 'Aufsätze', 'eine Biographie'],
  edition: '2., überarb. Aufl.',
};

export const FRENCH: LanguageVocabulary = {
  code: 'fre',
  articles: ['Le ', 'La ', 'Les ', "L'", 'Un ', 'Une '],
  of: 'de',
  and: 'et',
  in: 'en',
  nouns: [
    'histoire', 'introduction', 'vie', 'monde', 'art', 'guerre', 'théorie', 'développement', 'société', 'langue',
    'musique', 'droit', 'littérature', 'culture', 'temps', 'enfants', 'hommes', 'femmes', 'nature', 'État',
    'poèmes', 'contes', 'lettres', 'écrits', 'économie', 'philosophie', 'religion', 'éducation', 'église', 'ville',
    'famille', 'maison', 'amour', 'mort', 'voyage', 'siècle', 'révolution', 'France', 'Paris', 'mémoires',
    'œuvres', 'études', 'essais', 'récits', 'chansons', 'théâtre', 'peinture', 'cinéma', 'société', 'république',
    'pensée', 'esprit', 'cœur', 'âme', 'rêve', 'nuit', 'jour', 'mer', 'île', 'forêt',
    'mathématiques', 'physique', 'chimie', 'médecine', 'psychologie', 'sociologie', 'sciences', 'arts', 'métiers', 'château',
  ],
  adjectives: ['nouvelle', 'français', 'grande', 'petit', 'moderne', 'complètes', 'choisies', 'critique', 'générale', 'ancienne', 'contemporaine', 'européenne', 'première', 'dernière', 'sacrée', 'perdue', 'éternel', 'québécois'],
  subtitles: ['roman', 'essai', 'poèmes', 'nouvelles', 'une introduction', 'études', 'récit', 'théâtre', 'chroniques'],
  edition: '2e éd.',
};

export const SPANISH: LanguageVocabulary = {
  code: 'spa',
  articles: ['El ', 'La ', 'Los ', 'Las ', 'Un ', 'Una '],
  of: 'de',
  and: 'y',
  in: 'en',
  nouns: [
    'historia', 'introducción', 'vida', 'mundo', 'arte', 'guerra', 'teoría', 'desarrollo', 'sociedad', 'lengua',
    'música', 'derecho', 'literatura', 'cultura', 'tiempo', 'niños', 'hombres', 'mujeres', 'naturaleza', 'Estado',
    'poemas', 'cuentos', 'cartas', 'escritos', 'economía', 'filosofía', 'religión', 'educación', 'iglesia', 'ciudad',
    'familia', 'casa', 'amor', 'muerte', 'viaje', 'siglo', 'revolución', 'España', 'México', 'memorias',
    'obras', 'estudios', 'ensayos', 'relatos', 'canciones', 'teatro', 'pintura', 'cine', 'república', 'conquista',
    'corazón', 'sueño', 'noche', 'día', 'mar', 'isla', 'montaña', 'señor', 'niña', 'año',
  ],
  adjectives: ['nueva', 'española', 'gran', 'pequeño', 'moderna', 'completas', 'escogidas', 'crítica', 'general', 'antigua', 'contemporánea', 'americana', 'primera', 'última', 'sagrada', 'perdida', 'mexicana', 'andaluz'],
  subtitles: ['novela', 'ensayo', 'poemas', 'cuentos', 'una introducción', 'estudios', 'crónicas', 'antología'],
  edition: '2a ed.',
};

export const ITALIAN: LanguageVocabulary = {
  code: 'ita',
  articles: ['Il ', 'La ', 'I ', 'Le ', 'Lo ', "L'", 'Un ', 'Una '],
  of: 'di',
  and: 'e',
  in: 'in',
  nouns: [
    'storia', 'introduzione', 'vita', 'mondo', 'arte', 'guerra', 'teoria', 'sviluppo', 'società', 'lingua',
    'musica', 'diritto', 'letteratura', 'cultura', 'tempo', 'bambini', 'uomini', 'donne', 'natura', 'Stato',
    'poesie', 'racconti', 'lettere', 'scritti', 'economia', 'filosofia', 'religione', 'educazione', 'chiesa', 'città',
    'famiglia', 'casa', 'amore', 'morte', 'viaggio', 'secolo', 'rivoluzione', 'Italia', 'Roma', 'Venezia',
    'opere', 'studi', 'saggi', 'canzoni', 'teatro', 'pittura', 'cinema', 'repubblica', 'Rinascimento', 'virtù',
  ],
  adjectives: ['nuova', 'italiana', 'grande', 'piccolo', 'moderna', 'complete', 'scelte', 'critica', 'generale', 'antica', 'contemporanea', 'europea', 'prima', 'ultima', 'sacra', 'perduta'],
  subtitles: ['romanzo', 'saggio', 'poesie', 'racconti', 'introduzione', 'studi', 'cronache'],
  edition: '2a ed.',
};

export const PORTUGUESE: LanguageVocabulary = {
  code: 'por',
  articles: ['O ', 'A ', 'Os ', 'As ', 'Um ', 'Uma '],
  of: 'de',
  and: 'e',
  in: 'em',
  nouns: [
    'história', 'introdução', 'vida', 'mundo', 'arte', 'guerra', 'teoria', 'desenvolvimento', 'sociedade', 'língua',
    'música', 'direito', 'literatura', 'cultura', 'tempo', 'crianças', 'homens', 'mulheres', 'natureza', 'Brasil',
    'poemas', 'contos', 'cartas', 'economia', 'filosofia', 'religião', 'educação', 'cidade', 'família', 'coração',
    'amor', 'morte', 'viagem', 'século', 'revolução', 'Portugal', 'Lisboa', 'memórias', 'obras', 'sertão',
  ],
  adjectives: ['nova', 'brasileira', 'portuguesa', 'grande', 'pequeno', 'moderna', 'completas', 'crítica', 'antiga', 'contemporânea'],
  subtitles: ['romance', 'ensaio', 'poemas', 'contos', 'uma introdução', 'estudos'],
  edition: '2a ed.',
};

export const DUTCH: LanguageVocabulary = {
  code: 'dut',
  articles: ['De ', 'Het ', 'Een '],
  of: 'van',
  and: 'en',
  in: 'in',
  nouns: ['geschiedenis', 'inleiding', 'leven', 'wereld', 'kunst', 'oorlog', 'theorie', 'samenleving', 'taal', 'muziek', 'recht', 'literatuur', 'cultuur', 'tijd', 'kinderen', 'gedichten', 'verhalen', 'brieven', 'economie', 'kerk', 'stad', 'huis', 'liefde', 'dood', 'reis', 'eeuw', 'Nederland', 'Amsterdam', 'België', 'zee'],
  adjectives: ['nieuwe', 'nederlandse', 'oude', 'kleine', 'grote', 'verzamelde', 'moderne', 'vlaamse'],
  subtitles: ['roman', 'gedichten', 'verhalen', 'een inleiding', 'studies'],
  edition: '2e dr.',
};

export const SWEDISH: LanguageVocabulary = {
  code: 'swe',
  articles: ['En ', 'Ett ', 'Den ', 'Det '],
  of: 'av',
  and: 'och',
  in: 'i',
  nouns: ['historia', 'inledning', 'liv', 'världen', 'konst', 'krig', 'teori', 'samhälle', 'språk', 'musik', 'rätt', 'litteratur', 'kultur', 'tid', 'barn', 'dikter', 'berättelser', 'brev', 'kyrka', 'stad', 'hus', 'kärlek', 'död', 'resa', 'sekel', 'Sverige', 'Stockholm', 'skog', 'sjö', 'ö'],
  adjectives: ['nya', 'svenska', 'gamla', 'lilla', 'stora', 'samlade', 'moderna', 'nordiska'],
  subtitles: ['roman', 'dikter', 'noveller', 'en introduktion', 'studier'],
  edition: '2. uppl.',
};

export const POLISH: LanguageVocabulary = {
  code: 'pol',
  articles: [],
  of: 'i',
  and: 'i',
  in: 'w',
  nouns: ['historia', 'wstęp', 'życie', 'świat', 'sztuka', 'wojna', 'teoria', 'rozwój', 'społeczeństwo', 'język', 'muzyka', 'prawo', 'literatura', 'kultura', 'czas', 'dzieci', 'wiersze', 'opowiadania', 'listy', 'pisma', 'gospodarka', 'filozofia', 'Kościół', 'miasto', 'rodzina', 'dom', 'miłość', 'śmierć', 'podróż', 'wiek', 'Polska', 'Kraków', 'Warszawa', 'Gdańsk', 'Łódź', 'pamiętniki', 'dzieła', 'studia', 'szkice', 'źródła'],
  adjectives: ['nowa', 'polska', 'stara', 'mała', 'wielka', 'zebrane', 'wybrane', 'krytyczne', 'współczesna', 'średniowieczna', 'żydowska', 'śląska'],
  subtitles: ['powieść', 'wiersze', 'opowiadania', 'studia', 'szkice', 'wybór'],
  edition: 'Wyd. 2.',
};

export const CZECH: LanguageVocabulary = {
  code: 'cze',
  articles: [],
  of: 'a',
  and: 'a',
  in: 'v',
  nouns: ['dějiny', 'úvod', 'život', 'svět', 'umění', 'válka', 'teorie', 'vývoj', 'společnost', 'jazyk', 'hudba', 'právo', 'literatura', 'kultura', 'čas', 'děti', 'básně', 'povídky', 'dopisy', 'spisy', 'hospodářství', 'filosofie', 'církev', 'město', 'rodina', 'dům', 'láska', 'smrt', 'cesta', 'století', 'Čechy', 'Praha', 'Morava', 'Brno', 'řeč'],
  adjectives: ['nová', 'česká', 'stará', 'malá', 'velká', 'sebrané', 'vybrané', 'kritické', 'moravská', 'pražská'],
  subtitles: ['román', 'básně', 'povídky', 'studie', 'výbor'],
  edition: '2. vyd.',
};

export const HUNGARIAN: LanguageVocabulary = {
  code: 'hun',
  articles: ['A ', 'Az ', 'Egy '],
  of: 'és',
  and: 'és',
  in: 'a',
  nouns: ['történet', 'történelem', 'bevezetés', 'élet', 'világ', 'művészet', 'háború', 'elmélet', 'fejlődés', 'társadalom', 'nyelv', 'zene', 'jog', 'irodalom', 'kultúra', 'idő', 'gyermekek', 'versek', 'novellák', 'levelek', 'írások', 'gazdaság', 'filozófia', 'egyház', 'város', 'család', 'ház', 'szerelem', 'halál', 'utazás', 'század', 'Magyarország', 'Budapest', 'Debrecen', 'Szeged', 'Erdély'],
  adjectives: ['új', 'magyar', 'régi', 'kis', 'nagy', 'összegyűjtött', 'válogatott', 'kritikai', 'erdélyi', 'budapesti'],
  subtitles: ['regény', 'versek', 'novellák', 'tanulmányok', 'válogatás'],
  edition: '2. kiad.',
};

export const TURKISH: LanguageVocabulary = {
  code: 'tur',
  articles: [],
  of: 've',
  and: 've',
  in: 'da',
  nouns: ['tarih', 'giriş', 'hayat', 'dünya', 'sanat', 'savaş', 'kuram', 'gelişme', 'toplum', 'dil', 'müzik', 'hukuk', 'edebiyat', 'kültür', 'zaman', 'çocuklar', 'şiirler', 'öyküler', 'mektuplar', 'ekonomi', 'felsefe', 'din', 'şehir', 'aile', 'ev', 'aşk', 'ölüm', 'yolculuk', 'yüzyıl', 'Türkiye', 'İstanbul', 'Ankara', 'Anadolu', 'Osmanlı'],
  adjectives: ['yeni', 'türk', 'eski', 'küçük', 'büyük', 'toplu', 'seçme', 'çağdaş', 'osmanlı', 'ışıklı'],
  subtitles: ['roman', 'şiirler', 'öyküler', 'incelemeler', 'seçmeler'],
  edition: '2. baskı',
};

export const LATIN: LanguageVocabulary = {
  code: 'lat',
  articles: [],
  of: 'de',
  and: 'et',
  in: 'in',
  nouns: ['historia', 'opera', 'epistolae', 'carmina', 'orationes', 'libri', 'tractatus', 'commentarii', 'institutiones', 'elementa', 'philosophia', 'theologia', 'natura', 'rerum', 'mundi', 'vita', 'anima', 'deo', 'civitate', 'republica', 'legibus', 'officiis', 'arte', 'musica', 'medicina', 'astronomia', 'geometria', 'sermones', 'annales', 'chronica'],
  adjectives: ['omnia', 'nova', 'selecta', 'sacra', 'antiqua', 'universa', 'vera', 'naturalis', 'moralis', 'christiana'],
  subtitles: ['libri tres', 'cum notis', 'editio nova', 'accedunt indices'],
  edition: 'Ed. altera.',
};

/** Latin-script languages and their shares of the generated records (English dominates, as in most catalogues). */
export const LATIN_SCRIPT_LANGUAGES: ReadonlyArray<readonly [LanguageVocabulary, number]> = [
  [ENGLISH, 58], [GERMAN, 9], [FRENCH, 8], [SPANISH, 5], [ITALIAN, 4], [PORTUGUESE, 2], [DUTCH, 1.5],
  [SWEDISH, 1], [POLISH, 1.5], [CZECH, 1], [HUNGARIAN, 1], [TURKISH, 0.7], [LATIN, 1],
];
