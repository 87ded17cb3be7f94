import { BlockList, isIPv4 } from 'node:net';

/**
 * The ILS-DI allow-list (Koha's ILS-DI:AuthorizedIPs with CIDR ranges, bug 24537), on Node's own
 * net.BlockList: no dependency, and IPv4 and IPv6 both handled. Deny by default: an empty list
 * matches no one (bug 36867).
 */
export interface AllowList {
  readonly empty: boolean;
  allows(address: string): boolean;
}

export function compileAllowList(entries: readonly string[]): AllowList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return {
    empty: entries.length === 0,
    allows(address: string) {
      if (!address) return false;
      const plain = unmapped(address);
      return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
    },
  };
}

/** An IPv4 client seen by a dual-stack socket arrives as ::ffff:a.b.c.d; the list is written in IPv4. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match ? match[1]! : address;
}
