import { describe, expect, it } from '@jest/globals';
import { compileAllowList } from './allow-list.js';

describe('ILS-DI allow-list', () => {
  it('matches addresses and CIDR blocks, IPv4 (also IPv4-mapped IPv6) and IPv6', () => {
    const list = compileAllowList(['127.0.0.1', '10.0.0.0/8', '2001:db8::/32', '::1/128']);
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.200.3.4', '::FFFF:10.0.0.1', '2001:db8:1::5', '::1']) expect(list.allows(address)).toBe(true);
    for (const address of ['127.0.0.2', '11.0.0.1', '2001:db9::1', '::2', '', 'not an address']) expect(list.allows(address)).toBe(false);
  });

  it('denies everyone when empty', () => {
    const list = compileAllowList([]);
    expect(list.empty).toBe(true);
    expect(list.allows('127.0.0.1')).toBe(false);
  });
});
