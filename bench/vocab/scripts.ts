/**
 * Non-Latin scripts for 880 fields (MARC 21 model A: the romanized field carries $6 880-NN, the
 * 880 carries the original script). Each script has words and names as [original, romanized]
 * pairs; Cyrillic and Greek are romanized by table (ALA-LC), the others are written as pairs.
 * Script identification codes in $6 follow the sample catalogue: MARC-8 codes where MARC 21 has
 * one, ISO 15924 otherwise; `/r` marks right-to-left fields.
 */
export interface ScriptVocabulary {
  readonly name: string;
  /** $6 script identification code. */
  readonly code: string;
  readonly rightToLeft: boolean;
  /** MARC language codes written in this script, with shares. */
  readonly languages: ReadonlyArray<readonly [string, number]>;
  /** Title words as [original, romanized], most frequent first. */
  readonly words: ReadonlyArray<readonly [string, string]>;
  /** Personal names as [original, romanized heading form "Surname, Forename"]. */
  readonly names: ReadonlyArray<readonly [string, string]>;
  /** Publishers as [original, romanized, place original, place romanized, 008 country]. */
  readonly publishers: ReadonlyArray<readonly [string, string, string, string, string]>;
  /** Join words with a space (false for CJK originals, written without spaces). */
  readonly spaced: boolean;
}

// ALA-LC romanization of Russian (the same table serves Ukrainian and Serbian closely enough here).
const CYRILLIC_TABLE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'ĭ', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 't͡s', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ʺ', ы: 'y', ь: 'ʹ', э: 'ė', ю: 'i͡u', я: 'i͡a', і: 'i', ї: 'ï', є: 'i͡e', ґ: 'g', ђ: 'đ', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ć', џ: 'dž',
};
const GREEK_TABLE: Readonly<Record<string, string>> = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'ē', ή: 'ē', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i',
  κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y',
  φ: 'ph', χ: 'ch', ψ: 'ps', ω: 'ō', ώ: 'ō',
};

function romanize(text: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += ch;
    else out += ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out.normalize('NFC');
}

const pairs = (list: readonly string[], table: Readonly<Record<string, string>>) => list.map((w) => [w, romanize(w, table)] as const);

const CYRILLIC_WORDS = [
  'история', 'и', 'в', 'жизнь', 'мир', 'война', 'русская', 'литература', 'о', 'на', 'избранные', 'сочинения', 'стихи', 'рассказы',
  'роман', 'повесть', 'время', 'человек', 'город', 'земля', 'Россия', 'наука', 'искусство', 'общество', 'революция', 'культура',
  'язык', 'поэзия', 'дом', 'море', 'ночь', 'день', 'любовь', 'смерть', 'судьба', 'память', 'народ', 'государство', 'политика',
  'экономика', 'философия', 'природа', 'советский', 'новый', 'великий', 'старый', 'красный', 'белый', 'Москва', 'Петербург',
  'письма', 'воспоминания', 'дневники', 'очерки', 'исследования', 'проблемы', 'теория', 'развитие', 'век', 'эпоха', 'Украина',
  'Киев', 'сказки', 'песни', 'музыка', 'театр', 'кино', 'живопись', 'церковь', 'вера', 'надежда', 'свет', 'тьма', 'хлеб', 'зима',
];
const CYRILLIC_NAMES = [
  'Толстой, Лев', 'Пушкин, Александр', 'Чехов, Антон', 'Достоевский, Федор', 'Гоголь, Николай', 'Тургенев, Иван',
  'Ахматова, Анна', 'Цветаева, Марина', 'Пастернак, Борис', 'Булгаков, Михаил', 'Набоков, Владимир', 'Горький, Максим',
  'Иванов, Сергей', 'Петров, Николай', 'Смирнов, Алексей', 'Кузнецов, Дмитрий', 'Соколова, Елена', 'Попов, Андрей',
  'Лебедев, Павел', 'Козлова, Ольга', 'Новиков, Юрий', 'Морозов, Михаил', 'Волкова, Татьяна', 'Шевченко, Тарас', 'Франко, Иван',
  'Андрић, Иво', 'Крлежа, Мирослав',
];
const GREEK_WORDS = [
  'ιστορία', 'και', 'της', 'του', 'ποιήματα', 'ελληνική', 'λογοτεχνία', 'ζωή', 'κόσμος', 'πόλεμος', 'θάλασσα', 'Αθήνα', 'νύχτα',
  'φιλοσοφία', 'τέχνη', 'γλώσσα', 'πολιτική', 'μουσική', 'διηγήματα', 'μυθιστόρημα', 'Ελλάδα', 'αρχαία', 'νέα', 'άπαντα', 'έργα',
];
const GREEK_NAMES = ['Καβάφης, Κωνσταντίνος', 'Σεφέρης, Γιώργος', 'Ελύτης, Οδυσσέας', 'Καζαντζάκης, Νίκος', 'Ρίτσος, Γιάννης', 'Παπαδόπουλος, Γεώργιος', 'Παπαδημητρίου, Μαρία'];

export const CYRILLIC: ScriptVocabulary = {
  name: 'Cyrillic',
  code: '(N',
  rightToLeft: false,
  languages: [['rus', 5], ['ukr', 1], ['srp', 0.5], ['bul', 0.5]],
  words: pairs(CYRILLIC_WORDS, CYRILLIC_TABLE),
  names: pairs(CYRILLIC_NAMES, CYRILLIC_TABLE),
  publishers: [
    ['Наука', 'Nauka', 'Москва', 'Moskva', 'ru'], ['Художественная литература', 'Khudozhestvennai͡a literatura', 'Москва', 'Moskva', 'ru'],
    ['Азбука', 'Azbuka', 'Санкт-Петербург', 'Sankt-Peterburg', 'ru'], ['Дніпро', 'Dnipro', 'Київ', 'Kyïv', 'un'],
    ['Просвета', 'Prosveta', 'Београд', 'Beograd', 'rb'], ['Эксмо', 'Ėksmo', 'Москва', 'Moskva', 'ru'],
  ].map(([o, r, po, , c]) => [o!, r!, po!, romanize(po!, CYRILLIC_TABLE), c!] as const),
  spaced: true,
};

export const GREEK: ScriptVocabulary = {
  name: 'Greek',
  code: '(S',
  rightToLeft: false,
  languages: [['gre', 1]],
  words: pairs(GREEK_WORDS, GREEK_TABLE),
  names: pairs(GREEK_NAMES, GREEK_TABLE),
  publishers: [['Ίκαρος', romanize('Ίκαρος', GREEK_TABLE), 'Αθήνα', romanize('Αθήνα', GREEK_TABLE), 'gr'], ['Εστία', romanize('Εστία', GREEK_TABLE), 'Αθήνα', romanize('Αθήνα', GREEK_TABLE), 'gr']],
  spaced: true,
};

export const CHINESE: ScriptVocabulary = {
  name: 'CJK (Chinese)',
  code: '$1',
  rightToLeft: false,
  languages: [['chi', 1]],
  words: [
    ['中国', 'Zhongguo'], ['历史', 'li shi'], ['研究', 'yan jiu'], ['文学', 'wen xue'], ['的', 'de'], ['社会', 'she hui'], ['文化', 'wen hua'],
    ['经济', 'jing ji'], ['政治', 'zheng zhi'], ['小说', 'xiao shuo'], ['诗', 'shi'], ['集', 'ji'], ['新', 'xin'], ['世界', 'shi jie'],
    ['人民', 'ren min'], ['发展', 'fa zhan'], ['理论', 'li lun'], ['哲学', 'zhe xue'], ['艺术', 'yi shu'], ['语言', 'yu yan'],
    ['思想', 'si xiang'], ['古代', 'gu dai'], ['现代', 'xian dai'], ['时代', 'shi dai'], ['故事', 'gu shi'], ['家', 'jia'],
    ['山', 'shan'], ['水', 'shui'], ['红', 'hong'], ['月', 'yue'], ['春', 'chun'], ['秋', 'qiu'], ['城', 'cheng'], ['梦', 'meng'],
    ['北京', 'Beijing'], ['上海', 'Shanghai'], ['音乐', 'yin yue'], ['电影', 'dian ying'], ['教育', 'jiao yu'], ['科学', 'ke xue'],
  ],
  names: [
    ['鲁迅', 'Lu, Xun'], ['老舍', 'Lao, She'], ['巴金', 'Ba, Jin'], ['莫言', 'Mo, Yan'], ['余华', 'Yu, Hua'], ['王安忆', 'Wang, Anyi'],
    ['张爱玲', 'Zhang, Ailing'], ['李白', 'Li, Bai'], ['杜甫', 'Du, Fu'], ['王伟', 'Wang, Wei'], ['李娜', 'Li, Na'], ['陈明', 'Chen, Ming'],
  ],
  publishers: [
    ['人民文学出版社', 'Ren min wen xue chu ban she', '北京', 'Beijing', 'cc'], ['商务印书馆', 'Shang wu yin shu guan', '北京', 'Beijing', 'cc'],
    ['上海古籍出版社', 'Shanghai gu ji chu ban she', '上海', 'Shanghai', 'cc'], ['中华书局', 'Zhonghua shu ju', '北京', 'Beijing', 'cc'],
  ],
  spaced: false,
};

export const JAPANESE: ScriptVocabulary = {
  name: 'CJK (Japanese)',
  code: '$1',
  rightToLeft: false,
  languages: [['jpn', 1]],
  words: [
    ['日本', 'Nihon'], ['の', 'no'], ['歴史', 'rekishi'], ['文学', 'bungaku'], ['研究', 'kenkyū'], ['社会', 'shakai'], ['物語', 'monogatari'],
    ['東京', 'Tōkyō'], ['世界', 'sekai'], ['小説', 'shōsetsu'], ['と', 'to'], ['時代', 'jidai'], ['文化', 'bunka'], ['思想', 'shisō'],
    ['経済', 'keizai'], ['政治', 'seiji'], ['言語', 'gengo'], ['美術', 'bijutsu'], ['音楽', 'ongaku'], ['戦争', 'sensō'], ['心', 'kokoro'],
    ['夢', 'yume'], ['春', 'haru'], ['夏', 'natsu'], ['秋', 'aki'], ['冬', 'fuyu'], ['海', 'umi'], ['山', 'yama'], ['花', 'hana'], ['月', 'tsuki'],
    ['京都', 'Kyōto'], ['近代', 'kindai'], ['全集', 'zenshū'], ['入門', 'nyūmon'], ['論', 'ron'],
  ],
  names: [
    ['夏目漱石', 'Natsume, Sōseki'], ['川端康成', 'Kawabata, Yasunari'], ['三島由紀夫', 'Mishima, Yukio'], ['村上春樹', 'Murakami, Haruki'],
    ['芥川龍之介', 'Akutagawa, Ryūnosuke'], ['大江健三郎', 'Ōe, Kenzaburō'], ['田中一郎', 'Tanaka, Ichirō'], ['佐藤花子', 'Satō, Hanako'],
  ],
  publishers: [
    ['岩波書店', 'Iwanami Shoten', '東京', 'Tōkyō', 'ja'], ['新潮社', 'Shinchōsha', '東京', 'Tōkyō', 'ja'], ['講談社', 'Kōdansha', '東京', 'Tōkyō', 'ja'],
  ],
  spaced: false,
};

export const KOREAN: ScriptVocabulary = {
  name: 'CJK (Korean)',
  code: '$1',
  rightToLeft: false,
  languages: [['kor', 1]],
  words: [
    ['한국', "Han'guk"], ['의', 'ŭi'], ['역사', 'yŏksa'], ['문학', 'munhak'], ['연구', "yŏn'gu"], ['사회', 'sahoe'], ['소설', 'sosŏl'],
    ['문화', 'munhwa'], ['서울', 'Sŏul'], ['시', 'si'], ['사랑', 'sarang'], ['세계', 'segye'], ['정치', "chŏngch'i"], ['경제', 'kyŏngje'],
    ['현대', 'hyŏndae'], ['전쟁', 'chŏnjaeng'], ['과', 'kwa'], ['바다', 'pada'], ['꽃', "kkot"], ['밤', 'pam'],
  ],
  names: [['한강', 'Han, Kang'], ['박경리', 'Pak, Kyŏng-ni'], ['김영하', 'Kim, Yŏng-ha'], ['이문열', 'Yi, Mun-yŏl'], ['김철수', "Kim, Ch'ŏl-su"]],
  publishers: [['창비', "Ch'angbi", '서울', 'Sŏul', 'ko'], ['민음사', 'Minŭmsa', '서울', 'Sŏul', 'ko']],
  spaced: true,
};

export const ARABIC: ScriptVocabulary = {
  name: 'Arabic',
  code: '(3',
  rightToLeft: true,
  languages: [['ara', 3], ['per', 1], ['urd', 0.3]],
  words: [
    ['تاريخ', 'tārīkh'], ['في', 'fī'], ['الأدب', 'al-adab'], ['العربي', 'al-ʻArabī'], ['دراسات', 'dirāsāt'], ['الحرب', 'al-ḥarb'],
    ['السلام', 'al-salām'], ['مصر', 'Miṣr'], ['القاهرة', 'al-Qāhirah'], ['بيروت', 'Bayrūt'], ['الشعر', 'al-shiʻr'], ['الإسلام', 'al-Islām'],
    ['الثقافة', 'al-thaqāfah'], ['المجتمع', 'al-mujtamaʻ'], ['رواية', 'riwāyah'], ['قصص', 'qiṣaṣ'], ['الحياة', 'al-ḥayāh'], ['كتاب', 'kitāb'],
    ['الفلسفة', 'al-falsafah'], ['العلم', 'al-ʻilm'], ['اللغة', 'al-lughah'], ['الحديث', 'al-ḥadīth'], ['الدولة', 'al-dawlah'], ['ايران', 'Īrān'],
    ['شعر', 'shiʻr'], ['داستان', 'dāstān'], ['الليل', 'al-layl'], ['البحر', 'al-baḥr'], ['المدينة', 'al-madīnah'], ['الحب', 'al-ḥubb'],
  ],
  names: [
    ['محفوظ، نجيب', 'Maḥfūẓ, Najīb'], ['حسين، طه', 'Ḥusayn, Ṭāhā'], ['درويش، محمود', 'Darwīsh, Maḥmūd'], ['جبران، جبران خليل', 'Jubrān, Jubrān Khalīl'],
    ['هدايت، صادق', 'Hidāyat, Ṣādiq'], ['الحكيم، توفيق', 'al-Ḥakīm, Tawfīq'], ['أحمد، محمد', 'Aḥmad, Muḥammad'],
  ],
  publishers: [
    ['دار الشروق', 'Dār al-Shurūq', 'القاهرة', 'al-Qāhirah', 'ua'], ['دار الآداب', 'Dār al-Ādāb', 'بيروت', 'Bayrūt', 'le'],
    ['امیرکبیر', 'Amīr Kabīr', 'تهران', 'Tihrān', 'ir'],
  ],
  spaced: true,
};

export const HEBREW: ScriptVocabulary = {
  name: 'Hebrew',
  code: '(2',
  rightToLeft: true,
  languages: [['heb', 1], ['yid', 0.2]],
  words: [
    ['תולדות', 'toldot'], ['ישראל', 'Yiśraʼel'], ['ספרות', 'sifrut'], ['עברית', 'ʻIvrit'], ['שירים', 'shirim'], ['סיפורים', 'sipurim'],
    ['אהבה', 'ahavah'], ['מלחמה', 'milḥamah'], ['ירושלים', 'Yerushalayim'], ['העם', 'ha-ʻam'], ['על', 'ʻal'], ['בין', 'ben'],
    ['ימים', 'yamim'], ['לילה', 'laylah'], ['ארץ', 'erets'], ['חיים', 'ḥayim'], ['תורה', 'Torah'], ['מחקרים', 'meḥkarim'],
  ],
  names: [['עגנון, שמואל יוסף', 'Agnon, Shmuel Yosef'], ['עוז, עמוס', 'Oz, Amos'], ['עמיחי, יהודה', 'Amiḥai, Yehudah'], ['גרוסמן, דוד', 'Grosman, David'], ['כהן, שרה', 'Kohen, Sarah']],
  publishers: [['עם עובד', 'ʻAm ʻoved', 'תל אביב', 'Tel Aviv', 'is'], ['כתר', 'Keter', 'ירושלים', 'Yerushalayim', 'is']],
  spaced: true,
};

export const DEVANAGARI: ScriptVocabulary = {
  name: 'Devanagari',
  code: 'Deva',
  rightToLeft: false,
  languages: [['hin', 1], ['san', 0.2], ['mar', 0.2]],
  words: [
    ['भारत', 'Bhārata'], ['का', 'kā'], ['इतिहास', 'itihāsa'], ['साहित्य', 'sāhitya'], ['कहानी', 'kahānī'], ['कविता', 'kavitā'],
    ['और', 'aura'], ['जीवन', 'jīvana'], ['समाज', 'samāja'], ['संस्कृति', 'saṃskr̥ti'], ['दर्शन', 'darśana'], ['उपन्यास', 'upanyāsa'],
  ],
  names: [['प्रेमचंद', 'Premacanda'], ['निराला, सूर्यकांत त्रिपाठी', 'Nirālā, Sūryakānta Tripāṭhī'], ['शर्मा, रमेश', 'Śarmā, Rameśa']],
  publishers: [['राजकमल प्रकाशन', 'Rājakamala Prakāśana', 'नई दिल्ली', 'Naī Dillī', 'ii']],
  spaced: true,
};

export const OTHER_SCRIPTS: readonly ScriptVocabulary[] = [
  {
    name: 'Armenian', code: 'Armn', rightToLeft: false, languages: [['arm', 1]],
    words: [['Հայաստան', 'Hayastan'], ['պատմություն', 'patmutʻyun'], ['գրականություն', 'grakanutʻyun'], ['երգեր', 'erger'], ['և', 'ev']],
    names: [['Չարենց, Եղիշե', 'Charentsʻ, Eghishe']], publishers: [['Սովետական գրող', 'Sovetakan grogh', 'Երևան', 'Erevan', 'ai']], spaced: true,
  },
  {
    name: 'Georgian', code: 'Geor', rightToLeft: false, languages: [['geo', 1]],
    words: [['საქართველო', 'Sakʻartʻvelo'], ['ისტორია', 'istoria'], ['ლიტერატურა', 'literatura'], ['ლექსები', 'leksebi'], ['და', 'da']],
    names: [['რუსთაველი, შოთა', 'Rustʻaveli, Shotʻa']], publishers: [['ნაკადული', 'Nakaduli', 'თბილისი', 'Tʻbilisi', 'gs']], spaced: true,
  },
  {
    name: 'Bengali', code: 'Beng', rightToLeft: false, languages: [['ben', 1]],
    words: [['বাংলা', 'Bāṃlā'], ['সাহিত্য', 'sāhitya'], ['ইতিহাস', 'itihāsa'], ['কবিতা', 'kabitā'], ['গল্প', 'galpa']],
    names: [['ঠাকুর, রবীন্দ্রনাথ', 'Ṭhākura, Rabīndranātha']], publishers: [['আনন্দ', 'Ānanda', 'কলকাতা', 'Kalakātā', 'ii']], spaced: true,
  },
  {
    name: 'Thai', code: 'Thai', rightToLeft: false, languages: [['tha', 1]],
    words: [['ประวัติศาสตร์', 'prawattisāt'], ['ไทย', 'Thai'], ['วรรณคดี', 'wannakhadī'], ['เรื่องสั้น', 'rư̄ang san'], ['กรุงเทพ', 'Krung Thēp']],
    names: [['ศรีบูรพา', 'Sībūraphā']], publishers: [['ดอกหญ้า', 'Dōk Yā', 'กรุงเทพฯ', 'Krung Thēp', 'th']], spaced: true,
  },
];

/** Every script with its share of the records that carry 880s. */
export const SCRIPTS: ReadonlyArray<readonly [ScriptVocabulary, number]> = [
  [CYRILLIC, 4], [CHINESE, 2], [JAPANESE, 2], [ARABIC, 1.5], [HEBREW, 0.6], [KOREAN, 0.6], [GREEK, 0.5], [DEVANAGARI, 0.4],
  ...OTHER_SCRIPTS.map((s) => [s, 0.1] as const),
];
