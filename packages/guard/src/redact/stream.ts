import { detectEntities, planDetection } from './detect';
import { replaceDetections } from './redact';
import { RedactionSession } from './session';
import { type TDetection, type TEntity, type TRedactOptions, type TVaultEntry } from './types';

export type TStreamRedactorOptions = TRedactOptions & {
  /** Characters held back so an entity still arriving can't be emitted half-redacted (default 256). */
  holdBack?: number;
  /** Already-emitted text kept as context for the next detection pass (default 256). */
  carry?: number;
};

export type TStreamRedactor = {
  /** Adds a chunk of model output; returns the redacted text that is now safe to emit (maybe ''). */
  push(chunk: string): string;
  /** Ends the stream; returns the redacted remainder. */
  flush(): string;
  readonly entities: readonly TEntity[];
  readonly vaultEntries: readonly TVaultEntry[];
};

const KEY_BLOCK_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const DIGITISH = /[\p{N}]|^(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)$/iu;

/**
 * Redacts streamed model output. Each pass re-detects over (carried context + pending text) and emits
 * only up to a cut that lies on whitespace, outside any detected entity, at least `holdBack` characters
 * before the end, and not inside a run of numbers. The emitted stream equals `redact(full).text`.
 */
export function createStreamRedactor(options: TStreamRedactorOptions = {}): TStreamRedactor {
  const plan = planDetection(options);
  const session = options.session ?? RedactionSession.create();
  const holdBack = options.holdBack ?? 256;
  const carryLimit = options.carry ?? 256;
  const entities: TEntity[] = [];
  const vaultEntries: TVaultEntry[] = [];
  let carry = '';
  let pending = '';
  let emittedLength = 0;
  let finished = false;

  function drain(final: boolean): string {
    const windowText = carry + pending;
    const detections = detectEntities(windowText, plan);
    const cut = final ? windowText.length : findSafeCut(windowText, detections, carry.length, holdBack);
    if (cut <= carry.length) return '';

    const emitted: TDetection[] = [];
    for (const d of detections) {
      if (d.end <= carry.length || d.start >= cut) continue;
      // An entity reaching back into already-emitted text should not happen; if it does, still
      // redact the part we are about to emit rather than leak it.
      emitted.push({ ...d, start: Math.max(d.start, carry.length) - carry.length, end: Math.min(d.end, cut) - carry.length });
    }
    const slice = windowText.slice(carry.length, cut);
    const result = replaceDetections(slice, emitted, { ...options, session }, emittedLength);
    entities.push(...result.entities);
    vaultEntries.push(...result.vaultEntries);

    emittedLength += slice.length;
    carry = trimCarry(windowText.slice(0, cut), carryLimit);
    pending = windowText.slice(cut);
    return result.text;
  }

  return {
    push(chunk) {
      if (finished) throw new Error('push() after flush()');
      pending += chunk;
      return drain(false);
    },
    flush() {
      if (finished) return '';
      finished = true;
      return drain(true);
    },
    entities,
    vaultEntries,
  };
}

function findSafeCut(text: string, detections: readonly TDetection[], minimum: number, holdBack: number): number {
  let cut = text.length - holdBack;
  // A private key block can be far longer than the hold-back window: hold everything from its start.
  const keyStart = text.indexOf('-----BEGIN', minimum);
  if (keyStart >= 0 && !KEY_BLOCK_END.test(text.slice(keyStart))) cut = Math.min(cut, keyStart);
  while (cut > minimum) {
    if (!/\s/.test(text[cut - 1] ?? '')) {
      cut--;
      continue;
    }
    const inside = detections.find((d) => d.start < cut && cut < d.end);
    if (inside) {
      cut = inside.start;
      continue;
    }
    if (isBetweenNumbers(text, cut)) {
      cut--;
      continue;
    }
    return cut;
  }
  return minimum;
}

/** Spelled-out or spaced digits continue across whitespace; cutting there could split a card number. */
function isBetweenNumbers(text: string, cut: number): boolean {
  const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, cut - 24), cut))?.[1] ?? '';
  const after = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(text.slice(cut, cut + 24))?.[1] ?? '';
  return DIGITISH.test(before) && DIGITISH.test(after);
}

/** Keeps at most `limit` trailing characters, starting after whitespace so no token is cut in half. */
function trimCarry(emitted: string, limit: number): string {
  if (emitted.length <= limit) return emitted;
  const tail = emitted.slice(-limit);
  const boundary = tail.search(/\s/);
  return boundary < 0 ? '' : tail.slice(boundary + 1);
}
