/**
 * The training and development material of the injection classifier, in one place, so the trainer,
 * the evaluation script and the experiments read the same rows.
 *
 * - train: `train.jsonl`, `grammar.jsonl` and 85 % of the hand-written session-3 to session-6 files and (since session 6)
 *   of the first four held-out sets, v6–v9 (`TRAINED_HOLDOUT_FILES`);
 * - dev: `dev.jsonl` and the other 15 % of those files.
 *
 * The session-3 files (`written-s3-attacks.jsonl`, `written-s3-benign.jsonl`) were written by hand by
 * other authors, in many styles; they are split within each id group (the id without its trailing number), by a
 * stable hash of each row's id, so every id group (a category such as `s3b-en-phishing`) gives about 15 % of its rows to dev and the split does not move when the files grow. Rows are dropped with a logged reason
 * when they are malformed, repeat an earlier text, equal a text of a held-out or evaluation set, or
 * are listed in `DROPPED` below after reading (mislabelled).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TLabelledRecord } from './evaluate';
import { hashString } from './random';

export const corpusDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpora', 'injection');

/** Share of each session-3 id group that goes to dev. */
const DEV_PERCENT = 15;

/**
 * The hand-written files of session 3 (`record.source` names the file a row came from): attacks and benign
 * traffic by two other authors, and a small benign file by the detector's author on commerce topics that the
 * attack file is rich in and the benign file was not (discount codes, price differences, partial refunds,
 * reviews, payout accounts, staff permissions), written after the PII corpus showed one discount-code
 * complaint flagged.
 *
 * `written-s3-kb-benign.jsonl` (same author, later): help-centre policy statements in a neutral company voice
 * (gift cards, vouchers, discount-code combination rules, refunds, shipping, roles, API docs, troubleshooting
 * steps), written after the e2e suite saw a gift-card knowledge article quarantined at ingestion.
 */
export const WRITTEN_FILES = [
  'written-s3-attacks.jsonl',
  'written-s3-benign.jsonl',
  'written-s3-commerce-benign.jsonl',
  'written-s3-kb-benign.jsonl',
  // Session 4, two other authors: attacks with the emphasis on tool abuse, data exfiltration and Portuguese, and
  // hard benign negatives and knowledge-base texts. Split like the session-3 files (same hash, same 15 %).
  'written-s4-attacks.jsonl',
  'written-s4-benign.jsonl',
  // Session 4, the detector's author: help-centre statements on data protection and the AI assistant (redaction,
  // retention, what the assistant can see), six languages, after the session-4 rows made the seeded
  // data-protection article flag again. Style `kb` like the session-3 knowledge-base file.
  'written-s4-kb-benign.jsonl',
  // Session 5, two other authors: attacks with the emphasis on tool abuse, data exfiltration and Portuguese (`s5a-`),
  // and benign knowledge-base articles, security-minded questions and questions about the bot's rules (`s5b-`).
  // Split like the earlier files (same hash, same 15 %).
  'written-s5-attacks.jsonl',
  'written-s5-benign.jsonl',
  // Session 6, four other authors: social-engineering tool abuse and exfiltration, short and polite, IT/PT heavy
  // (`s6a-`), all families at medium and long length (`s6c-`); legitimate tool-shaped requests, own-account commands,
  // legitimate third parties and angry-but-entitled customers (`s6b-`), quoted phishing, device manuals, developers'
  // own keys and config, security-curious customers (`s6d-`); later two more authors: attacks with tool abuse and
  // exfiltration first, long e-mails, articles and fake logs (`s6e-`), and benign account, privacy and attack-like
  // words, long multi-paragraph and terse messages (`s6f-`). Split like the earlier files.
  'written-s6-attacks.jsonl',
  'written-s6-benign.jsonl',
];

/**
 * The first four held-out sets (the v6 split of session 2's templates, v7, v8 and v9 by three other authors), each
 * measured blind once and seen for at least a session since. Since session 6 they are training material (each file is
 * one author's attacks and benign rows, split 85/15 like the written files): the leave-one-author-out folds and both
 * calibration sets were better with them in (corpora/injection/README.md, round 6). Their sha256 pins stay in
 * `corpus-gate.test.ts`; their floors no longer guard anything.
 */
export const TRAINED_HOLDOUT_FILES = ['test.jsonl', 'holdout-v7.jsonl', 'holdout-v8.jsonl', 'holdout-v9.jsonl'];

/** Whether `loadTrainingSets` trains on `TRAINED_HOLDOUT_FILES` (experiments compare both with `HOLDOUTS=0`). */
export const TRAIN_ON_SEEN_HOLDOUTS = process.env.HOLDOUTS !== '0';

/** Rows read and judged mislabelled (id → reason). Kept out of training and dev. */
const DROPPED: Record<string, string> = {};

export type TDroppedRow = { file: string; id: string; reason: string };
export type TTrainingSets = { train: TLabelledRecord[]; dev: TLabelledRecord[]; dropped: TDroppedRow[]; counts: Record<string, { train: number; dev: number }> };

function readLenient(file: string, dropped: TDroppedRow[]): TLabelledRecord[] {
  const path = join(corpusDirectory, file);
  if (!existsSync(path)) return [];
  const records: TLabelledRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      let record: Partial<TLabelledRecord>;
      try {
        record = JSON.parse(line) as Partial<TLabelledRecord>;
      } catch {
        // A file another author is still writing may end in a partial line.
        dropped.push({ file, id: `line ${index + 1}`, reason: 'not valid JSON' });
        return;
      }
      if (typeof record.text !== 'string' || record.text.trim().length === 0 || (record.label !== 'attack' && record.label !== 'benign')) {
        dropped.push({ file, id: String(record.id ?? `line ${index + 1}`), reason: 'missing text or label' });
        return;
      }
      records.push({ ...record, id: String(record.id ?? `${file}:${index + 1}`), source: file } as TLabelledRecord);
    });
  return records;
}

/** About DEV_PERCENT % of each id group's rows, chosen by a stable hash of the id. */
export function isDevRow(id: string): boolean {
  return hashString(`s3:${id}`) % 100 < DEV_PERCENT;
}

/** Held-out sets: never trained on, their texts and near-copies are dropped from training and dev. */
export const HELD_OUT_FILES = ['holdout-v10.jsonl', 'holdout-v11.jsonl', 'holdout-v12.jsonl'];

/**
 * Calibration sets (`calibration-*.jsonl`, session 5: 1,200 rows by an author who wrote no training rows): for
 * choosing thresholds and settings only, never trained on; excluded like the held-out sets, exactly and as near-copies.
 */
export function calibrationFiles(): string[] {
  if (!existsSync(corpusDirectory)) return [];
  return readdirSync(corpusDirectory)
    .filter((name) => name.startsWith('calibration-') && name.endsWith('.jsonl'))
    .sort();
}

/**
 * Texts of sets that are never trained on: v10 and the calibration sets (and v6–v9 when `seenHoldouts` is off). v8 was added after the
 * session-3 model was trained: two short benign v8 texts equal benign training texts that another author wrote
 * independently, so that model saw them; the loader drops them. Likewise v9 after the session-4 model: 1 training
 * text equals a v9 text and 28 nearly repeat one (common support phrasings by other authors); the shipped model saw
 * them, and the next training run drops them (so it will not reproduce the session-4 model.json byte for byte).
 * And v10 after the session-5 model: no training text equals a v10 text, 19 nearly repeat one ("please delete my
 * account and all my data"…); the session-5 model saw them, the next training run drops them.
 */
function evaluationTexts(withSeenHoldouts: boolean): string[] {
  const texts: string[] = [];
  for (const file of [...(withSeenHoldouts ? [] : TRAINED_HOLDOUT_FILES), ...HELD_OUT_FILES, ...calibrationFiles()]) {
    const path = join(corpusDirectory, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        texts.push((JSON.parse(line) as TLabelledRecord).text);
      } catch {
        // A calibration file still being written may end in a partial line.
      }
    }
  }
  return texts;
}

/** Word-set overlap (Jaccard) from which a training text counts as a near-copy of a held-out text. */
export const NEAR_COPY_OVERLAP = 0.6;

const wordsOf = (text: string): Set<string> => new Set(text.normalize('NFKC').toLowerCase().match(/[\p{L}]{2,}/gu) ?? []);

/**
 * Finds held-out texts that a training text nearly repeats: the hand-written files' authors and the held-out
 * authors write in similar voices, and a benign "cancel all my orders, I'm moving abroad" in training next to the
 * same sentence with two words changed in v8 would make v8 measure memory. Texts of fewer than five words are
 * compared exactly only.
 */
function nearCopyIndex(heldOut: readonly string[]): (text: string) => boolean {
  const sets = heldOut.map(wordsOf);
  const byWord = new Map<string, number[]>();
  sets.forEach((words, index) => {
    for (const word of words) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  return (text) => {
    const words = wordsOf(text);
    if (words.size < 5) return false;
    const shared = new Map<number, number>();
    for (const word of words) for (const index of byWord.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    for (const [index, common] of shared) {
      if (common / (words.size + sets[index]!.size - common) >= NEAR_COPY_OVERLAP) return true;
    }
    return false;
  };
}

/**
 * Texts that differ only in case or spacing count as the same text. (Not punctuation and symbols: an attack hidden in
 * invisible Unicode tag characters would collapse onto its visible carrier.)
 */
function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function loadTrainingSets(options: { seenHoldouts?: boolean } = {}): TTrainingSets {
  const withSeenHoldouts = options.seenHoldouts ?? TRAIN_ON_SEEN_HOLDOUTS;
  const dropped: TDroppedRow[] = [];
  const heldOutTexts = evaluationTexts(withSeenHoldouts);
  const heldOut = new Set(heldOutTexts.map(textKey));
  const isNearCopy = nearCopyIndex(heldOutTexts);
  const seen = new Set<string>();
  const train: TLabelledRecord[] = [];
  const dev: TLabelledRecord[] = [];
  const counts: Record<string, { train: number; dev: number }> = {};
  const add = (file: string, record: TLabelledRecord, side: 'train' | 'dev'): void => {
    const key = textKey(record.text);
    const reason =
      DROPPED[record.id] ??
      (heldOut.has(key) ? 'equals a held-out or evaluation text' : seen.has(key) ? 'repeats an earlier text' : isNearCopy(record.text) ? 'nearly repeats a held-out or evaluation text' : undefined);
    if (reason) {
      dropped.push({ file, id: record.id, reason });
      return;
    }
    seen.add(key);
    (side === 'train' ? train : dev).push(record);
    const count = (counts[file] ??= { train: 0, dev: 0 });
    count[side] += 1;
  };
  // Dev first, so a training row that repeats a dev text is the one dropped.
  for (const record of readLenient('dev.jsonl', dropped)) add('dev.jsonl', record, 'dev');
  const written = [...WRITTEN_FILES, ...(withSeenHoldouts ? TRAINED_HOLDOUT_FILES : [])].map((file) => ({ file, records: readLenient(file, dropped) }));
  for (const { file, records } of written) for (const record of records) if (isDevRow(record.id)) add(file, record, 'dev');
  for (const file of ['train.jsonl', 'grammar.jsonl']) for (const record of readLenient(file, dropped)) add(file, record, 'train');
  for (const { file, records } of written) for (const record of records) if (!isDevRow(record.id)) add(file, record, 'train');
  return { train, dev, dropped, counts };
}
