import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OaiError } from './errors.js';
import { TokenCodec, type TokenPayload } from './resumption-token.js';

const codec = new TokenCodec(Buffer.from('a-test-secret-of-at-least-32-characters'));
const payload: TokenPayload = {
  v: 1, verb: 'ListRecords', prefix: 'oai_dc', set: 'a:b', from: 0, before: 1_768_478_400_000,
  ds: '2026-01-10T09:30:00.123456Z', id: 42, cursor: 200, size: 294,
};

describe('resumption tokens', () => {
  it('round-trip any payload and are URL-safe', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), fc.option(fc.stringMatching(/^[a-z]{1,8}(:[a-z]{1,8})?$/), { nil: undefined }), (id, cursor, size, set) => {
      const p = { ...payload, id, cursor, size, set };
      const token = codec.encode(p);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(codec.decode(token, 'ListRecords')).toEqual(JSON.parse(JSON.stringify(p)));
    }));
  });

  it('reject another key, another verb, another version, and any flipped character', () => {
    const token = codec.encode(payload);
    const bad = (t: string, verb = 'ListRecords') => {
      try {
        codec.decode(t, verb);
        return undefined;
      } catch (error) {
        return (error as OaiError).code;
      }
    };
    expect(bad(new TokenCodec(Buffer.from('another-secret-of-at-least-32-characters!')).encode(payload))).toBe('badResumptionToken');
    expect(bad(token, 'ListIdentifiers')).toBe('badResumptionToken');
    expect(bad(codec.encode({ ...payload, v: 2 } as unknown as TokenPayload))).toBe('badResumptionToken');
    for (let i = 0; i < token.length; i += 7) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      if (flipped !== token) expect(bad(flipped)).toBe('badResumptionToken');
    }
  });
});
