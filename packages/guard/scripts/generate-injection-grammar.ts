/**
 * Writes `corpora/injection/grammar.jsonl`: classifier training material drawn from the
 * combinatorial grammar in `injection-corpus/grammar.ts` (fixed seed, deterministic). Training only:
 * `scripts/train-injection.ts` reads it next to `train.jsonl`; it is never a dev or test split.
 *
 *   npx tsx packages/guard/scripts/generate-injection-grammar.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMARS } from './injection-corpus/grammar';
import { readJsonl } from './injection-corpus/evaluate';
import { createRandom, fillTemplate, type TRandom } from './injection-corpus/random';

const SEED_GRAMMAR = 20261127;
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDirectory = join(packageRoot, 'corpora', 'injection');

/** Draws per start symbol: English has the richest grammar, the others the same roles with fewer options. */
const DRAWS = { en: { attack: 700, benign: 520 }, other: { attack: 160, benign: 150 } };

/** Light noise so that the model does not key on perfect spelling or casing. */
function addNoise(text: string, random: TRandom): string {
  let noisy = text;
  if (random.chance(0.12)) noisy = noisy.toLowerCase();
  if (random.chance(0.15)) {
    const words = noisy.split(' ');
    const index = random.int(words.length);
    const word = words[index] ?? '';
    if (word.length > 3) {
      const at = 1 + random.int(word.length - 2);
      words[index] = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
      noisy = words.join(' ');
    }
  }
  return noisy.replace(/\s+([.,!?])/g, '$1').replace(/ {2,}/g, ' ').trim();
}

function main(): void {
  const random = createRandom(SEED_GRAMMAR);
  // A grammar sentence equal to a dev or test text is dropped: those splits measure generalisation.
  const heldOut = new Set([...readJsonl(join(corpusDirectory, 'dev.jsonl')), ...readJsonl(join(corpusDirectory, 'test.jsonl'))].map((record) => record.text.toLowerCase()));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [lang, grammar] of Object.entries(GRAMMARS)) {
    const draws = lang === 'en' ? DRAWS.en : DRAWS.other;
    for (const symbol of Object.keys(grammar).filter((name) => name.startsWith('attack_') || name.startsWith('benign_'))) {
      const label = symbol.startsWith('attack_') ? 'attack' : 'benign';
      const family = symbol.replace(/^(attack|benign)_/, '');
      const count = label === 'attack' ? draws.attack : draws.benign;
      let kept = 0;
      for (let draw = 0; draw < count * 3 && kept < count; draw += 1) {
        const text = addNoise(fillTemplate(`{${symbol}}`, grammar, random), random);
        const key = text.toLowerCase();
        if (seen.has(key) || heldOut.has(key)) continue;
        seen.add(key);
        lines.push(JSON.stringify({ id: `g-${lang}-${symbol}-${lines.length}`, text, label, family, lang }));
        kept += 1;
      }
    }
  }
  writeFileSync(join(corpusDirectory, 'grammar.jsonl'), `${lines.join('\n')}\n`);
  const attacks = lines.filter((line) => line.includes('"label":"attack"')).length;
  console.log(`wrote grammar.jsonl: ${lines.length} records (${attacks} attack / ${lines.length - attacks} benign)`);
}

main();
