import { detectEntities, planDetection } from './detect';
import { applyOperator, chooseOperator, type TOperatorContext } from './operators';
import { MessageSession, type TPlaceholderSession } from './session';
import { type TDetection, type TEntity, type TRedactOptions, type TRedactResult, type TVaultEntry } from './types';

/**
 * Finds personal data and secrets in `text` and replaces them. Offsets in `entities` index the input.
 * Pure apart from randomness (vault IVs, a fresh session salt): no I/O, safe to call anywhere.
 */
export function redact(text: string, options: TRedactOptions = {}): TRedactResult {
  const plan = planDetection(options);
  const detections = detectEntities(text, plan);
  // Most messages have nothing to redact: no session, no copy of the options.
  if (detections.length === 0) return { text, entities: [], vaultEntries: [] };
  // Without a conversation session, placeholders only need to be consistent within this message.
  const session = options.session ?? new MessageSession();
  return replaceDetections(text, detections, { ...options, session }, 0);
}

/**
 * Applies operators to already-detected spans of `text`. `offset` shifts reported offsets (the stream
 * redactor passes the position of this slice in the whole stream).
 */
export function replaceDetections(
  text: string,
  detections: readonly TDetection[],
  options: Omit<TRedactOptions, 'session'> & { session: TPlaceholderSession },
  offset: number,
): TRedactResult {
  const context: TOperatorContext = { session: options.session, hashKey: options.hashKey, vaultKey: options.vaultKey };
  const entities: TEntity[] = [];
  const vaultEntries: TVaultEntry[] = [];
  let vaulted: Set<string> | undefined;
  let output = '';
  let cursor = 0;
  for (const detection of detections) {
    const original = detection.value ?? text.slice(detection.start, detection.end);
    const operator = chooseOperator(detection.type, options.operators);
    const { replacement, vaultEntry } = applyOperator(detection.type, original, operator, context);
    if (vaultEntry && !vaulted?.has(vaultEntry.placeholder)) {
      (vaulted ??= new Set()).add(vaultEntry.placeholder);
      vaultEntries.push(vaultEntry);
    }
    output += text.slice(cursor, detection.start) + replacement;
    cursor = detection.end;
    const entity: TEntity = {
      type: detection.type,
      start: detection.start + offset,
      end: detection.end + offset,
      score: Math.round(detection.score * 100) / 100,
      replacement,
    };
    if (options.includeText && detection.type !== 'CREDIT_CARD') entity.text = original;
    entities.push(entity);
  }
  output += text.slice(cursor);
  return { text: output, entities, vaultEntries };
}
