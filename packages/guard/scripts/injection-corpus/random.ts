/** Seeded PRNG (mulberry32) so the generated corpus is identical on every machine and run. */
export type TRandom = {
  next: () => number;
  int: (maxExclusive: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    chance: (probability: number): boolean => next() < probability,
  };
}

/** Stable 32-bit hash of a string (FNV-1a), used for deterministic splits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Fills `{slot}` placeholders from per-slot option lists; unknown slots are an authoring error. */
export function fillTemplate(template: string, slots: Record<string, readonly string[]>, random: TRandom): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const options = slots[name];
    if (!options) throw new Error(`unknown slot {${name}} in template: ${template}`);
    return fillTemplate(random.pick(options), slots, random);
  });
}
