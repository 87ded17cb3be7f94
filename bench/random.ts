/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the draws the generator needs.
 * Deterministic across machines and Node versions: only 32-bit integer arithmetic and Math.imul,
 * never Math.random. Floating point is used only to turn integers into choices.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /**
   * An element of `list` with Zipf-like probability: rank r (1-based) has weight ~ 1/r^s, so the
   * first entries are very common and the last ones rare (the shape of real term frequencies).
   */
  zipf<T>(list: readonly T[], s = 1): T {
    return list[this.zipfRank(list.length, s) - 1]!;
  }

  /**
   * A rank in [1, n] drawn from the continuous power law x^-s by inverting its CDF: no tables, so
   * n may be large (the synthetic long tail has hundreds of thousands of words).
   */
  zipfRank(n: number, s = 1): number {
    const u = this.next();
    let x: number;
    if (Math.abs(s - 1) < 1e-9) x = Math.exp(u * Math.log(n + 1));
    else {
      const e = 1 - s;
      x = (u * ((n + 1) ** e - 1) + 1) ** (1 / e);
    }
    return Math.min(n, Math.max(1, Math.floor(x)));
  }

  /** A key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let total = 0;
    for (const [, w] of entries) total += w;
    let u = this.next() * total;
    for (const [key, w] of entries) {
      u -= w;
      if (u < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct elements of `list` drawn with the Zipf law (fewer when the list is shorter). */
  zipfDistinct<T>(list: readonly T[], count: number, s = 1): T[] {
    const out: T[] = [];
    for (let attempt = 0; out.length < Math.min(count, list.length) && attempt < count * 8; attempt++) {
      const value = this.zipf(list, s);
      if (!out.includes(value)) out.push(value);
    }
    return out;
  }
}
