/**
 * Names, publishers, subjects and other headings the generator draws from, each list ordered from
 * common to rare (drawn with a Zipf law). Facts of the kind the sample catalogue carries (publisher
 * and place names, MARC codes, LCSH-style heading shapes); the combinations are invented.
 */

/** Surnames by the language of the records that mostly use them; diacritics on purpose. */
export const SURNAMES: Readonly<Record<string, readonly string[]>> = {
  eng: [
    'Smith', 'Johnson', 'Brown', 'Williams', 'Jones', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker',
    'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Martin',
    'Jackson', 'Clarke', 'Clark', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson', 'Baker',
    'Harrison', 'Morgan', 'Patel', 'Young', 'Allen', 'Mitchell', 'James', 'Anderson', 'Phillips', 'Lee', 'Bell', 'Parker',
    'Davis', 'Miller', 'Campbell', 'Stewart', 'Murray', 'Kelly', "O'Brien", 'McCarthy', 'Gallagher', 'Fitzgerald', 'Sullivan',
    'Austen', 'Dickens', 'Eliot', 'Woolf', 'Hardy', 'Brontë', 'Shelley', 'Keats', 'Byron', 'Wordsworth', 'Tennyson', 'Browning',
    'Hawthorne', 'Melville', 'Twain', 'Whitman', 'Dickinson', 'Faulkner', 'Hemingway', 'Steinbeck', 'Morrison', 'Baldwin',
  ],
  ger: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Köhler', 'Goethe', 'Schiller', 'Heine', 'Mann', 'Kafka', 'Brecht', 'Hölderlin', 'Rilke', 'Grass', 'Böll'],
  fre: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèbvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Hugo', 'Balzac', 'Flaubert', 'Zola', 'Proust', 'Camus', 'Sartre', 'Beauvoir', 'Céline', 'Réage', 'Maupassant'],
  spa: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Núñez', 'Cervantes Saavedra', 'Lorca', 'Neruda', 'Borges', 'Cortázar', 'Márquez', 'Ibáñez'],
  ita: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Dante Alighieri', 'Petrarca', 'Boccaccio', 'Manzoni', 'Leopardi', 'Calvino', 'Pavese', 'Levi', 'Morante'],
  por: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Jesus', 'Sousa', 'Fernandes', 'Gonçalves', 'Gomes', 'Lopes', 'Marques', 'Assis', 'Pessoa', 'Saramago', 'Amado', 'Lispector', 'Guimarães Rosa'],
  dut: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Vondel', 'Multatuli'],
  swe: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lagerlöf', 'Strindberg', 'Söderberg', 'Åkesson'],
  pol: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Mickiewicz', 'Słowacki', 'Sienkiewicz', 'Miłosz', 'Szymborska', 'Łukasiewicz'],
  cze: ['Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházková', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Čapek', 'Hašek', 'Hrabal', 'Kundera', 'Seifert', 'Škvorecký'],
  hun: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Petőfi', 'Arany', 'Ady', 'Jókai', 'Kosztolányi', 'Márai', 'Szerb'],
  tur: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Pamuk', 'Kemal', 'Hikmet', 'Şafak'],
  lat: ['Cicero, Marcus Tullius', 'Vergilius Maro, Publius', 'Ovidius Naso, Publius', 'Horatius Flaccus, Quintus', 'Seneca, Lucius Annaeus', 'Augustinus, Aurelius', 'Thomas, Aquinas, Saint', 'Erasmus, Desiderius', 'Boethius'],
};

export const FORENAMES: Readonly<Record<string, readonly string[]>> = {
  eng: ['John', 'William', 'James', 'Mary', 'Elizabeth', 'George', 'Thomas', 'Charles', 'Margaret', 'Robert', 'Sarah', 'David', 'Anne', 'Richard', 'Jane', 'Michael', 'Helen', 'Peter', 'Catherine', 'Edward', 'Susan', 'Henry', 'Emily', 'Paul', 'Alice', 'Joseph', 'Ruth', 'Samuel', 'Virginia', 'Walter'],
  ger: ['Johann', 'Friedrich', 'Heinrich', 'Karl', 'Wilhelm', 'Anna', 'Maria', 'Hans', 'Ursula', 'Jürgen', 'Günter', 'Käthe', 'Wolfgang', 'Thomas', 'Gisela'],
  fre: ['Jean', 'Pierre', 'Marie', 'Jacques', 'Michel', 'François', 'Françoise', 'André', 'Hélène', 'Émile', 'Gérard', 'Geneviève', 'Honoré', 'Céline', 'Stéphane'],
  spa: ['José', 'Juan', 'María', 'Carmen', 'Antonio', 'Manuel', 'Francisco', 'Ana', 'Luis', 'Jesús', 'Ramón', 'Inés', 'Ángel', 'Begoña'],
  ita: ['Giuseppe', 'Giovanni', 'Maria', 'Francesco', 'Antonio', 'Luigi', 'Anna', 'Carlo', 'Paolo', 'Elena', 'Niccolò', 'Lucia'],
  por: ['João', 'José', 'Maria', 'António', 'Manuel', 'Ana', 'Francisco', 'Luís', 'Conceição', 'Sebastião'],
  dut: ['Jan', 'Pieter', 'Maria', 'Johannes', 'Cornelis', 'Anna', 'Hendrik', 'Willem'],
  swe: ['Lars', 'Anders', 'Karin', 'Erik', 'Per', 'Ingrid', 'Björn', 'Åsa', 'Selma'],
  pol: ['Jan', 'Anna', 'Piotr', 'Maria', 'Krzysztof', 'Stanisław', 'Małgorzata', 'Józef', 'Wisława', 'Łucja'],
  cze: ['Jan', 'Jiří', 'Petr', 'Jana', 'Josef', 'Marie', 'Václav', 'Bohumil', 'Božena', 'Karel'],
  hun: ['László', 'István', 'József', 'Mária', 'János', 'Erzsébet', 'Sándor', 'Zoltán', 'Dezső'],
  tur: ['Mehmet', 'Mustafa', 'Ayşe', 'Fatma', 'Ahmet', 'Ali', 'Orhan', 'Nâzım', 'Elif'],
  lat: [''],
};

/** Corporate bodies (110/710), most frequent first. */
export const CORPORATE_BODIES: readonly string[] = [
  'United States. Congress', 'Great Britain. Parliament', 'World Health Organization', 'United Nations', 'UNESCO',
  'Library of Congress', 'British Museum', 'Smithsonian Institution', 'European Commission', 'Royal Society (Great Britain)',
  'Catholic Church', 'Church of England', 'International Labour Office', 'Organisation for Economic Co-operation and Development',
  'Deutsche Forschungsgemeinschaft', 'Bibliothèque nationale de France', 'Museo del Prado', 'Rijksmuseum (Netherlands)',
  'Metropolitan Museum of Art (New York, N.Y.)', 'Wiener Philharmoniker', 'Berliner Philharmoniker', 'London Symphony Orchestra',
  'Chicago Symphony Orchestra', 'Orchestre de Paris', 'Harvard University', 'University of Oxford', 'Université de Montréal',
];

/** Latin-script publishers: [name, place, 008 country code, language of most of their books]. */
export const PUBLISHERS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Oxford University Press', 'Oxford', 'enk', 'eng'], ['Cambridge University Press', 'Cambridge', 'enk', 'eng'],
  ['Penguin Books', 'London', 'enk', 'eng'], ['Routledge', 'London', 'enk', 'eng'], ['Harper & Row', 'New York', 'nyu', 'eng'],
  ['Random House', 'New York', 'nyu', 'eng'], ['W. W. Norton & Company', 'New York', 'nyu', 'eng'], ['Springer', 'Berlin', 'gw', 'eng'],
  ['Yale University Press', 'New Haven', 'ctu', 'eng'], ['Princeton University Press', 'Princeton, N.J.', 'nju', 'eng'],
  ['University of Chicago Press', 'Chicago', 'ilu', 'eng'], ['Harvard University Press', 'Cambridge, Mass.', 'mau', 'eng'],
  ['Macmillan', 'London', 'enk', 'eng'], ['Alfred A. Knopf', 'New York', 'nyu', 'eng'], ['Wiley', 'Hoboken, N.J.', 'nju', 'eng'],
  ['Elsevier', 'Amsterdam', 'ne', 'eng'], ['MIT Press', 'Cambridge, Mass.', 'mau', 'eng'], ['Faber and Faber', 'London', 'enk', 'eng'],
  ['Suhrkamp', 'Frankfurt am Main', 'gw', 'ger'], ['C.H. Beck', 'München', 'gw', 'ger'], ['Fischer', 'Frankfurt am Main', 'gw', 'ger'],
  ['Rowohlt', 'Reinbek bei Hamburg', 'gw', 'ger'], ['De Gruyter', 'Berlin', 'gw', 'ger'], ['Reclam', 'Stuttgart', 'gw', 'ger'],
  ['Diogenes', 'Zürich', 'sz', 'ger'], ['Böhlau', 'Wien', 'au', 'ger'],
  ['Gallimard', 'Paris', 'fr', 'fre'], ['Éditions du Seuil', 'Paris', 'fr', 'fre'], ['Flammarion', 'Paris', 'fr', 'fre'],
  ['Presses universitaires de France', 'Paris', 'fr', 'fre'], ['Hachette', 'Paris', 'fr', 'fre'], ['Boréal', 'Montréal', 'quc', 'fre'],
  ['Alianza Editorial', 'Madrid', 'sp', 'spa'], ['Cátedra', 'Madrid', 'sp', 'spa'], ['Anagrama', 'Barcelona', 'sp', 'spa'],
  ['Fondo de Cultura Económica', 'México', 'mx', 'spa'], ['Sudamericana', 'Buenos Aires', 'ag', 'spa'],
  ['Einaudi', 'Torino', 'it', 'ita'], ['Mondadori', 'Milano', 'it', 'ita'], ['Feltrinelli', 'Milano', 'it', 'ita'], ['Laterza', 'Roma', 'it', 'ita'],
  ['Companhia das Letras', 'São Paulo', 'bl', 'por'], ['Caminho', 'Lisboa', 'po', 'por'],
  ['De Bezige Bij', 'Amsterdam', 'ne', 'dut'], ['Bonniers', 'Stockholm', 'sw', 'swe'], ['Norstedts', 'Stockholm', 'sw', 'swe'],
  ['Wydawnictwo Literackie', 'Kraków', 'pl', 'pol'], ['Państwowy Instytut Wydawniczy', 'Warszawa', 'pl', 'pol'],
  ['Odeon', 'Praha', 'xr', 'cze'], ['Mladá fronta', 'Praha', 'xr', 'cze'], ['Magvető', 'Budapest', 'hu', 'hun'], ['Európa', 'Budapest', 'hu', 'hun'],
  ['Yapı Kredi Yayınları', 'İstanbul', 'tu', 'tur'], ['İletişim', 'İstanbul', 'tu', 'tur'],
  ['Teubner', 'Lipsiae', 'gw', 'lat'], ['Typis Vaticanis', 'Romae', 'vc', 'lat'],
];

/** Record labels and film studios for sound and video records. */
export const LABELS: readonly string[] = [
  'Deutsche Grammophon', 'Columbia', 'Decca', 'EMI Classics', 'Philips', 'Blue Note', 'Sony Classical', 'Harmonia Mundi',
  'Naxos', 'ECM Records', 'Verve', 'Chandos', 'Hyperion', 'Erato', 'Nonesuch', 'Atlantic', 'Motown', 'Virgin',
];
export const STUDIOS: readonly string[] = [
  'Criterion Collection', 'Warner Home Video', 'Universal', 'Paramount Pictures', 'BFI', 'Kino Lorber', 'Arrow Films', 'MK2',
  'Studio Ghibli', 'Artificial Eye', 'Twentieth Century Fox Home Entertainment', 'Eureka Entertainment',
];

/** Topical subject headings (650 $a), most frequent first. */
export const TOPICS: readonly string[] = [
  'History', 'World War, 1939-1945', 'Women', 'Education', 'Economic conditions', 'Art', 'Music', 'Philosophy', 'Politics and government',
  'Religion', 'English literature', 'American literature', 'Science', 'Social conditions', 'Children', 'Family', 'Medicine',
  'Law', 'Language and languages', 'Christianity', 'Architecture', 'Poetry', 'Painting', 'Mathematics', 'Physics', 'Chemistry',
  'Biology', 'Ecology', 'Climatic changes', 'Environmental protection', 'Agriculture', 'Industries', 'Labor', 'Capitalism',
  'Socialism', 'Democracy', 'Human rights', 'Civil rights', 'Immigrants', 'Race relations', 'Slavery', 'Colonies', 'Imperialism',
  'Nationalism', 'Revolutions', 'Military history', 'Naval history', 'Diplomacy', 'International relations', 'Cold War',
  'World War, 1914-1918', 'Holocaust, Jewish (1939-1945)', 'Jews', 'Islam', 'Buddhism', 'Judaism', 'Mythology', 'Folklore',
  'Fairy tales', 'Detective and mystery stories', 'Science fiction', 'Love stories', 'Fantasy fiction', 'Short stories',
  'Drama', 'Theater', 'Motion pictures', 'Photography', 'Sculpture', 'Decorative arts', 'Design', 'Fashion', 'Cooking', 'Wine and wine making',
  'Gardening', 'Birds', 'Mammals', 'Insects', 'Plants', 'Trees', 'Flowers', 'Horses', 'Dogs', 'Cats', 'Oceanography', 'Geology',
  'Astronomy', 'Cosmology', 'Evolution (Biology)', 'Genetics', 'Neurosciences', 'Psychology', 'Psychoanalysis', 'Sociology',
  'Anthropology', 'Archaeology', 'Linguistics', 'Grammar, Comparative and general', 'Translating and interpreting', 'Rhetoric',
  'Logic', 'Ethics', 'Aesthetics', 'Metaphysics', 'Epistemology', 'Political science', 'Economics', 'Finance', 'Banks and banking',
  'Money', 'Taxation', 'Management', 'Marketing', 'Computer science', 'Computer programming', 'Artificial intelligence',
  'Information technology', 'Internet', 'Libraries', 'Books', 'Printing', 'Manuscripts', 'Cartography', 'Maps', 'Travel',
  'Voyages and travels', 'Explorers', 'Railroads', 'Automobiles', 'Aeronautics', 'Ships', 'Bridges', 'Cities and towns',
  'City planning', 'Housing', 'Public health', 'Epidemics', 'Nursing', 'Surgery', 'Pharmacology', 'Nutrition', 'Sports',
  'Football', 'Chess', 'Games', 'Symphonies', 'Sonatas (Piano)', 'Concertos (Violin)', 'String quartets', 'Operas', 'Songs',
  'Jazz', 'Blues (Music)', 'Rock music', 'Folk music', 'Hymns', 'Church music', 'Piano music', 'Orchestral music',
];

/** Geographic headings (651 $a and 650 $z), most frequent first. */
export const PLACES: readonly string[] = [
  'United States', 'Great Britain', 'England', 'France', 'Germany', 'Europe', 'Italy', 'Russia (Federation)', 'Soviet Union',
  'China', 'Japan', 'Spain', 'India', 'Canada', 'Ireland', 'Scotland', 'London (England)', 'Paris (France)', 'New York (N.Y.)',
  'Mexico', 'Brazil', 'Poland', 'Austria', 'Netherlands', 'Sweden', 'Greece', 'Egypt', 'Israel', 'Palestine', 'Africa',
  'Latin America', 'Australia', 'Switzerland', 'Belgium', 'Portugal', 'Norway', 'Denmark', 'Finland', 'Hungary',
  'Czech Republic', 'Turkey', 'Iran', 'Iraq', 'Korea (South)', 'Vietnam', 'Argentina', 'Chile', 'Peru', 'Cuba',
  'Québec (Province)', 'Zürich (Switzerland)', 'Kraków (Poland)', 'Wien (Austria)', 'München (Germany)', 'Köln (Germany)',
  'São Paulo (Brazil)', 'Bogotá (Colombia)', 'Reykjavík (Iceland)', 'Göteborg (Sweden)', 'Montréal (Québec)', 'Île-de-France (France)',
  'Mediterranean Region', 'Arctic regions', 'Antarctica', 'Atlantic Ocean', 'Pacific Ocean', 'Alps', 'Himalaya Mountains', 'Amazon River',
];

/** $x general subdivisions, $v form subdivisions, $y chronological subdivisions. */
export const GENERAL_SUBDIVISIONS: readonly string[] = [
  'History', 'Social life and customs', 'Politics and government', 'Study and teaching', 'Criticism and interpretation',
  'Economic conditions', 'Social conditions', 'Religion', 'Philosophy', 'Research', 'Biography', 'Description and travel',
  'Foreign relations', 'Intellectual life', 'Law and legislation', 'Influence', 'Technique', 'Psychological aspects',
];
export const FORM_SUBDIVISIONS: readonly string[] = [
  'Fiction', 'Biography', 'Juvenile literature', 'Periodicals', 'Dictionaries', 'Bibliography', 'Handbooks, manuals, etc.',
  'Congresses', 'Maps', 'Pictorial works', 'Sources', 'Textbooks', 'Correspondence', 'Drama', 'Poetry', 'Scores', 'Catalogs',
];
export const CENTURIES: readonly string[] = [
  '20th century', '19th century', '21st century', '18th century', '1945-', '17th century', '16th century', 'Middle Ages, 600-1500', '1918-1933', '1789-1815',
];

/** Genre/form terms (655 $a, LCGFT-like). */
export const GENRES: readonly string[] = [
  'Fiction', 'Novels', 'Poetry', 'Biographies', 'Essays', 'Short stories', 'History', 'Textbooks', 'Detective and mystery fiction',
  'Historical fiction', 'Science fiction', 'Autobiographies', 'Diaries', 'Drama', 'Feature films', 'Documentary films',
  'Symphonies', 'Operas', 'Jazz', 'Maps', 'Atlases', 'Periodicals', 'Festschriften', 'Conference papers and proceedings', 'Cookbooks',
];

/** Composers for scores and recordings: [heading, dates]. */
export const COMPOSERS: ReadonlyArray<readonly [string, string]> = [
  ['Bach, Johann Sebastian,', '1685-1750'], ['Mozart, Wolfgang Amadeus,', '1756-1791'], ['Beethoven, Ludwig van,', '1770-1827'],
  ['Brahms, Johannes,', '1833-1897'], ['Schubert, Franz,', '1797-1828'], ['Chopin, Frédéric,', '1810-1849'], ['Dvořák, Antonín,', '1841-1904'],
  ['Tchaikovsky, Peter Ilich,', '1840-1893'], ['Debussy, Claude,', '1862-1918'], ['Händel, Georg Friedrich,', '1685-1759'],
  ['Haydn, Joseph,', '1732-1809'], ['Verdi, Giuseppe,', '1813-1901'], ['Wagner, Richard,', '1813-1883'], ['Mahler, Gustav,', '1860-1911'],
  ['Sibelius, Jean,', '1865-1957'], ['Janáček, Leoš,', '1854-1928'], ['Bartók, Béla,', '1881-1945'], ['Fauré, Gabriel,', '1845-1924'],
  ['Satie, Erik,', '1866-1925'], ['Grieg, Edvard,', '1843-1907'], ['Ellington, Duke,', '1899-1974'], ['Davis, Miles,', '1926-1991'],
  ['Monk, Thelonious,', '1917-1982'], ['Piazzolla, Astor,', '1921-1992'], ['Pärt, Arvo,', '1935-'], ['Górecki, Henryk Mikołaj,', '1933-2010'],
];
export const MUSICAL_FORMS: readonly string[] = [
  'Symphonies', 'Sonatas', 'Concertos', 'Quartets', 'Suites', 'Songs', 'Preludes', 'Variations', 'Nocturnes', 'Études', 'Masses', 'Requiem',
];

/** Series titles (490/830). */
export const SERIES: readonly string[] = [
  'Penguin classics', 'Oxford world\'s classics', 'Studies in history', 'Cambridge studies in social anthropology', 'Que sais-je?',
  'Bibliothèque de la Pléiade', 'Suhrkamp Taschenbuch', 'Lecture notes in computer science', 'Loeb classical library',
  'Beck\'sche Reihe', 'Colección Austral', 'Einaudi tascabili', 'Very short introductions', 'Routledge studies in philosophy',
];

/** Libraries of the sample catalogue with their shares of items, and locations/item types per kind of material. */
export const LIBRARY_SHARES = { CENTRAL: 45, EAST: 22, MUSIC: 10, RARE: 8, ANNEX: 15 } as const;
export type LibraryCode = keyof typeof LIBRARY_SHARES;
