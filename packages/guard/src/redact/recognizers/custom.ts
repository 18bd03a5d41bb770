import { type TCustomEntity, type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

export const CUSTOM_ENTITY_NAME = /^[A-Z][A-Z0-9_]{1,39}$/;
const MAX_PATTERN_LENGTH = 500;
const ALLOWED_FLAGS = /^[imsu]*$/;
/** Nested quantifiers such as (a+)+ or (\w*)* backtrack exponentially on near-misses. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;
export const DEFAULT_CUSTOM_PATTERN_MAX_INPUT = 20_000;

export class InvalidCustomEntityError extends Error {
  override name = 'InvalidCustomEntityError';
}

/**
 * Compiles a tenant's pattern once. Tenants type these in the console, so the pattern is treated as
 * hostile: bounded length, no nested quantifiers, and it only ever sees bounded windows of input.
 */
export function compileCustomRecognizer(entity: TCustomEntity, builtInNames: readonly string[], maxInput: number): TRecognizer {
  if (!CUSTOM_ENTITY_NAME.test(entity.name)) {
    throw new InvalidCustomEntityError(`Custom entity name "${entity.name}" must match ${CUSTOM_ENTITY_NAME.source}`);
  }
  if (builtInNames.includes(entity.name)) {
    throw new InvalidCustomEntityError(`Custom entity name "${entity.name}" collides with a built-in entity type`);
  }
  if (entity.pattern.length === 0 || entity.pattern.length > MAX_PATTERN_LENGTH) {
    throw new InvalidCustomEntityError(`Custom entity ${entity.name}: pattern must be 1–${MAX_PATTERN_LENGTH} characters`);
  }
  if (NESTED_QUANTIFIER.test(entity.pattern)) {
    throw new InvalidCustomEntityError(`Custom entity ${entity.name}: nested quantifiers like (a+)+ are not allowed`);
  }
  const flags = entity.flags ?? '';
  if (!ALLOWED_FLAGS.test(flags)) throw new InvalidCustomEntityError(`Custom entity ${entity.name}: flags may only be i, m, s, u`);
  let regex: RegExp;
  try {
    regex = new RegExp(entity.pattern, `${[...new Set(flags)].join('')}g`);
  } catch (error) {
    throw new InvalidCustomEntityError(`Custom entity ${entity.name}: invalid pattern (${(error as Error).message})`);
  }
  if (regex.test('')) throw new InvalidCustomEntityError(`Custom entity ${entity.name}: pattern must not match the empty string`);
  const score = entity.score ?? 0.85;
  if (!(score >= 0 && score <= 1)) throw new InvalidCustomEntityError(`Custom entity ${entity.name}: score must be within 0..1`);

  return {
    type: entity.name,
    detect(text) {
      const found: TDetection[] = [];
      // Windows overlap by a margin so a match on a window edge isn't lost; duplicates merge later.
      const margin = Math.min(1_000, Math.floor(maxInput / 4));
      for (let offset = 0; offset < text.length; offset += maxInput - margin) {
        const window = text.slice(offset, offset + maxInput);
        regex.lastIndex = 0;
        for (const m of window.matchAll(regex)) {
          if (m[0].length === 0) continue;
          found.push({ type: entity.name, start: offset + m.index, end: offset + m.index + m[0].length, score });
        }
        if (offset + maxInput >= text.length) break;
      }
      return found;
    },
  };
}
