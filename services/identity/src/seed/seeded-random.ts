/**
 * mulberry32, a small seeded PRNG: the same sequence of numbers in [0, 1) for the same seed on
 * every machine. Used wherever made-up people must come out the same on every run — the demo seed
 * (demo-data.ts) and reporting's benchmark loader (services/reporting/bench/synthetic.ts).
 * Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `xs`, chosen by the next number of `rand` (a seededRandom). `xs` must not be empty. */
export const pickWith =
  (rand: () => number) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(rand() * xs.length)] as T;
