/**
 * Generates the prompt-injection corpus in `corpora/injection/{train,dev,test}.jsonl`.
 *
 *   npx tsx packages/guard/scripts/generate-injection-corpus.ts
 *
 * Deterministic (fixed seed): running it twice yields identical files. Splits are by *phrasing*
 * (template id + variant index), not by record, so a sentence pattern seen in training never
 * appears in dev or test with different slot fillings; the held-out numbers measure generalisation
 * to new phrasings, not memorised ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTACK_SLOTS, ATTACK_TEMPLATES as ATTACK_TEMPLATES_V1, INDIRECT_PAYLOADS as INDIRECT_PAYLOADS_V1, type TAttackTemplate, type TLanguage } from './injection-corpus/attacks';
import { ATTACK_TEMPLATES_V2, INDIRECT_PAYLOADS_V2 } from './injection-corpus/attacks-extra';
import { BENIGN_DOCUMENT_FILLERS, BENIGN_SLOTS, BENIGN_TEMPLATES as BENIGN_TEMPLATES_V1, DOCUMENT_CARRIERS } from './injection-corpus/benign';
import { BENIGN_DOCUMENT_FILLERS_V2, BENIGN_TEMPLATES_V2 } from './injection-corpus/benign-extra';
import { ATTACK_TEMPLATES_V3, BENIGN_TEMPLATES_V3, INDIRECT_PAYLOADS_V3 } from './injection-corpus/v3';
import { ATTACK_TEMPLATES_V4, BENIGN_TEMPLATES_V4, INDIRECT_PAYLOADS_V4 } from './injection-corpus/v4';
import {
  ATTACK_TEMPLATES_V5,
  BENIGN_DOCUMENT_FILLERS_V5,
  BENIGN_TEMPLATES_V5,
  DOCUMENT_CARRIERS_V5,
  INDIRECT_PAYLOADS_V5,
  V5_SLOTS,
} from './injection-corpus/v5';
import { ATTACK_TEMPLATES_T5, BENIGN_TEMPLATES_T5, INDIRECT_PAYLOADS_T5 } from './injection-corpus/train-v5';
import {
  ATTACK_TEMPLATES_V6,
  BENIGN_DOCUMENT_FILLERS_V6,
  BENIGN_TEMPLATES_V6,
  DOCUMENT_CARRIERS_V6,
  INDIRECT_PAYLOADS_V6,
  V6_SLOTS,
} from './injection-corpus/v6';
import { type TBenignTemplate } from './injection-corpus/benign';
import { HELP_CENTER_ARTICLES } from './injection-corpus/help-center';
import { OBFUSCATIONS, obfuscate, type TObfuscation } from './injection-corpus/obfuscate';
import { createRandom, fillTemplate, hashString, type TRandom } from './injection-corpus/random';

/**
 * Corpus v6. Earlier test splits were each printed or evaluated and are therefore "seen": v1 (seed
 * 20240611), v2 (seed 20251127), v3 (seed 20251128, v3 templates), v4 (evaluated once in session 1) and v5
 * (`injection-corpus/v5.ts`, own stream SEED_V5, evaluated once on 2026-11-27). Only groups from the v6
 * templates (`injection-corpus/v6.ts`, frozen before any rule or model change of the v6 round) enter the test
 * split; all older groups go to train or dev. Held-out sets come from their own random streams and their own
 * slot fillers, so adding training material never changes a test record, and a training text identical to a
 * test text is dropped.
 */
const SEED = 20251129;
const SEED_V5 = 20261127;
const SEED_V6 = 20261128;
const FRESH_GROUP_PREFIX = 'v6-';
// Training-only templates written after the v5 freeze (`t5-` groups) come last, so older records keep their random draws.
const ATTACK_TEMPLATES = [...ATTACK_TEMPLATES_V1, ...ATTACK_TEMPLATES_V2, ...ATTACK_TEMPLATES_V3, ...ATTACK_TEMPLATES_V4, ...ATTACK_TEMPLATES_T5];
const INDIRECT_PAYLOADS = [...INDIRECT_PAYLOADS_V1, ...INDIRECT_PAYLOADS_V2, ...INDIRECT_PAYLOADS_V3, ...INDIRECT_PAYLOADS_V4, ...INDIRECT_PAYLOADS_T5];
const BENIGN_TEMPLATES = [...BENIGN_TEMPLATES_V1, ...BENIGN_TEMPLATES_V2, ...BENIGN_TEMPLATES_V3, ...BENIGN_TEMPLATES_V4, ...BENIGN_TEMPLATES_T5];
const ATTACKS_PER_VARIANT = 6;
const BENIGN_PER_VARIANT = 12;
const OBFUSCATION_RATE = 0.35;
const HELD_OUT_BENIGN_PER_VARIANT = 5;

export type TCorpusRecord = { id: string; text: string; label: 'attack' | 'benign'; family?: string; lang?: string };
type TGrouped = TCorpusRecord & { group: string };

const GREETINGS: Record<TLanguage, readonly string[]> = {
  en: ['Hi,', 'Hello team,', 'Good morning!', 'Hey there.', 'Dear support,'],
  de: ['Hallo,', 'Guten Tag,', 'Liebes Support-Team,'],
  fr: ['Bonjour,', 'Salut,', 'Madame, Monsieur,'],
  es: ['Hola,', 'Buenos días,', 'Estimado soporte,'],
  it: ['Ciao,', 'Buongiorno,', 'Gentile assistenza,'],
  pt: ['Olá,', 'Bom dia,', 'Prezado suporte,'],
};
const SIGN_OFFS: Record<TLanguage, readonly string[]> = {
  en: ['Thanks!', 'Thank you.', 'Regards, Sam', 'Cheers', 'Thanks in advance 🙏', 'Sent from my iPhone'],
  de: ['Danke!', 'Viele Grüße', 'Mit freundlichen Grüßen'],
  fr: ['Merci !', 'Cordialement', 'Bonne journée'],
  es: ['¡Gracias!', 'Saludos', 'Un saludo'],
  it: ['Grazie!', 'Cordiali saluti', 'Saluti'],
  pt: ['Obrigado!', 'Atenciosamente', 'Abraços'],
};

function wrapLikeAMessage(text: string, lang: TLanguage, random: TRandom): string {
  let message = text;
  if (random.chance(0.3)) message = `${random.pick(GREETINGS[lang])} ${message}`;
  if (random.chance(0.3)) message = `${message}\n${random.pick(SIGN_OFFS[lang])}`;
  if (random.chance(0.1)) message = message.toLowerCase();
  if (random.chance(0.08)) message = addTypo(message, random);
  return message;
}

function addTypo(text: string, random: TRandom): string {
  const position = 1 + random.int(Math.max(1, text.length - 2));
  return text.slice(0, position - 1) + (text[position] ?? '') + (text[position - 1] ?? '') + text.slice(position + 1);
}

function generateAttacks(random: TRandom): TGrouped[] {
  const records: TGrouped[] = [];
  for (const template of ATTACK_TEMPLATES) {
    template.texts.forEach((variant, variantIndex) => {
      for (let copy = 0; copy < ATTACKS_PER_VARIANT; copy += 1) {
        let text = fillTemplate(variant, ATTACK_SLOTS[template.lang], random);
        let technique: TObfuscation | 'plain' = 'plain';
        if (random.chance(OBFUSCATION_RATE)) {
          technique = random.pick(OBFUSCATIONS);
          text = obfuscate(text, technique, random);
        } else if (random.chance(0.25)) {
          // Attacks hidden after an ordinary support question are common in real traffic.
          const benign = pickBenignSentence(template.lang, random);
          text = random.chance(0.5) ? `${benign} ${text}` : `${text} ${benign}`;
        }
        records.push({
          id: `atk-${template.id}-${variantIndex}-${copy}-${technique}`,
          text: technique === 'plain' ? wrapLikeAMessage(text, template.lang, random) : text,
          label: 'attack',
          family: template.family,
          lang: template.lang,
          group: `${template.id}#${variantIndex}`,
        });
      }
    });
  }
  return records;
}

function generateIndirectAttacks(random: TRandom): TGrouped[] {
  const records: TGrouped[] = [];
  for (const payload of INDIRECT_PAYLOADS) {
    payload.texts.forEach((variant, variantIndex) => {
      const carriers = DOCUMENT_CARRIERS.filter((carrier) => carrier.lang === payload.lang || carrier.lang === 'en');
      for (const carrier of carriers) {
        if (!random.chance(0.6)) continue;
        const injected = fillTemplate(variant, ATTACK_SLOTS[payload.lang], random);
        const hiding = random.pick(['plain', 'plain', 'html-comment', 'hidden-span', 'markdown-comment', 'white-text'] as const);
        const hidden =
          hiding === 'html-comment' ? `<!-- ${injected} -->`
          : hiding === 'hidden-span' ? `<span style="display:none">${injected}</span>`
          : hiding === 'markdown-comment' ? `[//]: # (${injected.replace(/[()]/g, '')})`
          : hiding === 'white-text' ? `<p style="color:#fff;font-size:0">${injected}</p>`
          : injected;
        records.push({
          id: `atk-indirect-${payload.id}-${variantIndex}-${carrier.id}-${hiding}`,
          text: carrier.text.replace('{payload}', hidden),
          label: 'attack',
          family: payload.family,
          lang: payload.lang,
          group: `${payload.id}#${variantIndex}`,
        });
      }
    });
  }
  return records;
}

function pickBenignSentence(lang: TLanguage, random: TRandom): string {
  const templates = BENIGN_TEMPLATES.filter((template) => template.lang === lang && template.family === 'support');
  const template = random.pick(templates);
  return fillTemplate(random.pick(template.texts), BENIGN_SLOTS[lang], random);
}

function generateBenign(random: TRandom): TGrouped[] {
  const records: TGrouped[] = [];
  for (const template of BENIGN_TEMPLATES) {
    template.texts.forEach((variant, variantIndex) => {
      for (let copy = 0; copy < BENIGN_PER_VARIANT; copy += 1) {
        let text = wrapLikeAMessage(fillTemplate(variant, BENIGN_SLOTS[template.lang], random), template.lang, random);
        if (random.chance(0.15)) text = `${text} ${pickBenignSentence(template.lang, random)}`;
        records.push({
          id: `ben-${template.id}-${variantIndex}-${copy}`,
          text,
          label: 'benign',
          family: template.family,
          lang: template.lang,
          group: `${template.id}#${variantIndex}`,
        });
      }
    });
  }
  for (const carrier of DOCUMENT_CARRIERS) {
    BENIGN_DOCUMENT_FILLERS[carrier.lang].forEach((filler, fillerIndex) => {
      records.push({
        id: `ben-doc-${carrier.id}-${fillerIndex}`,
        text: carrier.text.replace('{payload}', filler),
        label: 'benign',
        family: 'document',
        lang: carrier.lang,
        group: `doc-filler-${carrier.lang}#${fillerIndex}`,
      });
    });
  }
  for (const carrier of DOCUMENT_CARRIERS) {
    BENIGN_DOCUMENT_FILLERS_V2[carrier.lang].forEach((filler, fillerIndex) => {
      records.push({
        id: `ben-doc-v2-${carrier.id}-${fillerIndex}`,
        text: carrier.text.replace('{payload}', filler),
        label: 'benign',
        family: 'document',
        lang: carrier.lang,
        group: `doc-filler-v2-${carrier.lang}#${fillerIndex}`,
      });
    });
  }
  HELP_CENTER_ARTICLES.forEach((article, articleIndex) => {
    records.push({ id: `ben-kb-${articleIndex}`, text: article.text, label: 'benign', family: 'help_center', lang: article.lang, group: `kb#${articleIndex}` });
  });
  return records;
}

/**
 * Fresh (v4) groups are all held out for test. Older groups have been seen: 85 / 15 train / dev by group
 * hash (the seed is part of the hash, so the split is fixed with the corpus), never test.
 */
function splitOf(group: string): 'train' | 'dev' | 'test' {
  const bucket = hashString(`${SEED}:${group}`) % 100;
  if (group.startsWith(FRESH_GROUP_PREFIX)) return 'test';
  return bucket < 85 ? 'train' : 'dev';
}

type THeldOutSet = {
  attacks: readonly TAttackTemplate[];
  indirect: readonly TAttackTemplate[];
  benign: readonly TBenignTemplate[];
  carriers: readonly { id: string; lang: TLanguage; text: string }[];
  fillers: Record<TLanguage, readonly string[]>;
  slots: Record<TLanguage, Record<string, readonly string[]>>;
  docGroupPrefix: string;
};

/** A held-out template set (v5, v6): own random stream, own slots, own document carriers. */
function generateHeldOut(random: TRandom, set: THeldOutSet): TGrouped[] {
  const records: TGrouped[] = [];
  for (const template of set.attacks) {
    template.texts.forEach((variant, variantIndex) => {
      for (let copy = 0; copy < ATTACKS_PER_VARIANT; copy += 1) {
        let text = fillTemplate(variant, set.slots[template.lang], random);
        let technique: TObfuscation | 'plain' = 'plain';
        if (random.chance(OBFUSCATION_RATE)) {
          technique = random.pick(OBFUSCATIONS);
          text = obfuscate(text, technique, random);
        } else if (random.chance(0.25)) {
          const benignTemplate = random.pick(set.benign.filter((b) => b.lang === template.lang && b.family !== 'technical'));
          const benign = fillTemplate(random.pick(benignTemplate.texts), set.slots[template.lang], random);
          text = random.chance(0.5) ? `${benign} ${text}` : `${text} ${benign}`;
        }
        records.push({
          id: `atk-${template.id}-${variantIndex}-${copy}-${technique}`,
          text: technique === 'plain' ? wrapLikeAMessage(text, template.lang, random) : text,
          label: 'attack',
          family: template.family,
          lang: template.lang,
          group: `${template.id}#${variantIndex}`,
        });
      }
    });
  }
  for (const payload of set.indirect) {
    payload.texts.forEach((variant, variantIndex) => {
      for (const carrier of set.carriers.filter((c) => c.lang === payload.lang || c.lang === 'en')) {
        const injected = fillTemplate(variant, set.slots[payload.lang], random);
        const hiding = random.pick(['plain', 'plain', 'html-comment', 'hidden-span', 'white-text'] as const);
        const hidden =
          hiding === 'html-comment' ? `<!-- ${injected} -->`
          : hiding === 'hidden-span' ? `<span style="display:none">${injected}</span>`
          : hiding === 'white-text' ? `<p style="color:#fff;font-size:0">${injected}</p>`
          : injected;
        records.push({
          id: `atk-indirect-${payload.id}-${variantIndex}-${carrier.id}-${hiding}`,
          text: carrier.text.replace('{payload}', hidden),
          label: 'attack',
          family: payload.family,
          lang: payload.lang,
          group: `${payload.id}#${variantIndex}`,
        });
      }
    });
  }
  for (const template of set.benign) {
    template.texts.forEach((variant, variantIndex) => {
      for (let copy = 0; copy < HELD_OUT_BENIGN_PER_VARIANT; copy += 1) {
        records.push({
          id: `ben-${template.id}-${variantIndex}-${copy}`,
          text: wrapLikeAMessage(fillTemplate(variant, set.slots[template.lang], random), template.lang, random),
          label: 'benign',
          family: template.family,
          lang: template.lang,
          group: `${template.id}#${variantIndex}`,
        });
      }
    });
  }
  for (const carrier of set.carriers) {
    set.fillers[carrier.lang].forEach((filler, fillerIndex) => {
      records.push({
        id: `ben-doc-${carrier.id}-${fillerIndex}`,
        text: carrier.text.replace('{payload}', filler),
        label: 'benign',
        family: 'document',
        lang: carrier.lang,
        group: `${set.docGroupPrefix}${carrier.lang}#${fillerIndex}`,
      });
    });
  }
  return records;
}

function main(): void {
  const random = createRandom(SEED);
  // Held-out records first, so a later training text that happens to equal one is the copy dropped.
  const v5: THeldOutSet = {
    attacks: ATTACK_TEMPLATES_V5, indirect: INDIRECT_PAYLOADS_V5, benign: BENIGN_TEMPLATES_V5, carriers: DOCUMENT_CARRIERS_V5,
    fillers: BENIGN_DOCUMENT_FILLERS_V5, slots: V5_SLOTS, docGroupPrefix: 'v5-doc-',
  };
  const v6: THeldOutSet = {
    attacks: ATTACK_TEMPLATES_V6, indirect: INDIRECT_PAYLOADS_V6, benign: BENIGN_TEMPLATES_V6, carriers: DOCUMENT_CARRIERS_V6,
    fillers: BENIGN_DOCUMENT_FILLERS_V6, slots: V6_SLOTS, docGroupPrefix: 'v6-doc-',
  };
  const all = [
    ...generateHeldOut(createRandom(SEED_V6), v6),
    ...generateHeldOut(createRandom(SEED_V5), v5),
    ...generateAttacks(random),
    ...generateIndirectAttacks(random),
    ...generateBenign(random),
  ];
  const seenTexts = new Set<string>();
  const splits: Record<'train' | 'dev' | 'test', TCorpusRecord[]> = { train: [], dev: [], test: [] };
  for (const { group, ...record } of all) {
    const key = record.text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (seenTexts.has(key)) continue;
    seenTexts.add(key);
    splits[splitOf(group)].push(record);
  }
  const outputDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpora', 'injection');
  mkdirSync(outputDirectory, { recursive: true });
  for (const [name, records] of Object.entries(splits)) {
    writeFileSync(join(outputDirectory, `${name}.jsonl`), records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    const attacks = records.filter((record) => record.label === 'attack').length;
    console.log(`${name}: ${records.length} records (${attacks} attack, ${records.length - attacks} benign)`);
  }
}

main();
