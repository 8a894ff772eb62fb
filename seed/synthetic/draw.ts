// The generator's one seeded random stream and the distributions drawn from it (ages, detention years).
// Every phase draws from the same stream in a fixed order: same seed and scale, same graph.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

export class Draw {
  constructor(private readonly rng: RandomGenerator) {}
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  chance(p: number): boolean {
    return this.int(0, 999_999) < p * 1_000_000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let ticket = this.int(
      1,
      items.reduce((sum, item) => sum + item.weight, 0),
    );
    for (const item of items) {
      ticket -= item.weight;
      if (ticket <= 0) return item;
    }
    return items.at(-1)!;
  }
  day(year: number): string {
    return `${year}-${pad(this.int(1, 12), 2)}-${pad(this.int(1, 28), 2)}`;
  }
  /** A whole number around `mean` (Poisson-like spread, enough for record counts). */
  around(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.chance(mean - whole) ? 1 : 0) + (this.chance(0.3) ? this.int(-1, 1) : 0);
  }
  generator(): RandomGenerator {
    return this.rng;
  }
}

/** Ages 14 to 80+, most between 20 and 50, as in the detention records reported from the files. */
export function detaineeAge(draw: Draw): number {
  const band = draw.int(0, 99);
  if (band < 6) return draw.int(14, 19);
  if (band < 80) return draw.int(20, 49);
  if (band < 95) return draw.int(50, 69);
  return draw.int(70, 84);
}

/** Most detentions in the files begin in 2017-2018. */
export function detentionYear(draw: Draw): number {
  const band = draw.int(0, 99);
  if (band < 40) return 2017;
  if (band < 80) return 2018;
  return draw.pick([2014, 2015, 2016, 2019, 2020]);
}
