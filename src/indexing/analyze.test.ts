import { describe, expect, it } from '@jest/globals';
import { fold, isbnKey, issnKey, phraseKey, words, yearValue } from './analyze.js';

describe('text analysis', () => {
  it('folds case and diacritics, including letters NFD keeps whole', () => {
    expect(fold('Élève Østergård Łódź Straße')).toBe('eleve ostergard lodz strasse');
  });
  it('splits words on punctuation and indexes unspaced scripts per character', () => {
    expect(words(fold('The "History" of Rome, 1st ed.'))).toEqual(['the', 'history', 'of', 'rome', '1st', 'ed']);
    expect(words('红楼梦 abc')).toEqual(['红', '楼', '梦', 'abc']);
    expect(words('Война и мир')).toEqual(['Война', 'и', 'мир']);
  });
  it('builds phrase keys without punctuation', () => {
    expect(phraseKey('Smith, John,  1950-')).toBe('smith john 1950');
  });
  it('normalises ISBN-10 and ISBN-13 to the same key', () => {
    expect(isbnKey('0-19-852663-6 (pbk.)')).toBe('9780198526636');
    expect(isbnKey('978-0-19-852663-6')).toBe('9780198526636');
    expect(isbnKey('080442957X')).toBe('9780804429573');
    expect(isbnKey('no isbn')).toBeUndefined();
  });
  it('normalises ISSN and reads years', () => {
    expect(issnKey('ISSN 0028-0836')).toBe('0028-0836');
    expect(issnKey('0000000x')).toBe('0000-000X');
    expect(yearValue('c1998.')).toBe(1998);
    expect(yearValue('[19--?]')).toBeUndefined();
  });
});
