import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../src/redact/index';
import { type TLabelledRecord } from './evaluate';
import { corpusDirectory } from './training-data';

/**
 * The redaction corpus (`corpora/pii`), redacted as the answer pipeline scores messages: 1,300 support
 * messages with personal data, none of them an injection. Evaluation only, never training material.
 */
export function piiCorpusAsBenign(): TLabelledRecord[] {
  return ['positives.jsonl', 'hard-negatives.jsonl'].flatMap((file) =>
    readFileSync(join(corpusDirectory, '..', 'pii', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const record = JSON.parse(line) as { id: string; text: string };
        return { id: `pii-${record.id}`, text: redact(record.text).text, label: 'benign' as const };
      }),
  );
}
