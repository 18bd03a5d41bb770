import { createHmac } from 'node:crypto';
import { normalizeForIdentity, type TPlaceholderSession } from './session';
import { type TEntityType, type TOperator, type TVaultEntry } from './types';
import { sealVaultEntry } from './vault';

/** Placeholders for most types; cards are masked so agents can still match "the card ending 1111". */
export const DEFAULT_OPERATORS: Readonly<Partial<Record<TEntityType, TOperator>>> = { CREDIT_CARD: 'mask' };

export type TOperatorContext = {
  session: TPlaceholderSession;
  hashKey?: Uint8Array | string;
  vaultKey?: Uint8Array;
};

export type TOperatorResult = { replacement: string; vaultEntry?: TVaultEntry };

export function chooseOperator(type: TEntityType, operators: Partial<Record<TEntityType, TOperator>> | undefined): TOperator {
  const chosen = operators?.[type] ?? DEFAULT_OPERATORS[type] ?? 'placeholder';
  // PCI DSS: a PAN is never stored, even encrypted, in our vault. Masking is the safe fallback.
  if (type === 'CREDIT_CARD' && chosen === 'vault') return 'mask';
  return chosen;
}

export function applyOperator(type: TEntityType, original: string, operator: TOperator, context: TOperatorContext): TOperatorResult {
  switch (operator) {
    case 'placeholder':
      return { replacement: context.session.getPlaceholder(type, original) };
    case 'mask':
      return { replacement: maskValue(type, original) };
    case 'hash':
      return { replacement: hashValue(type, original, context.hashKey) };
    case 'vault': {
      const placeholder = context.session.getPlaceholder(type, original);
      return { replacement: placeholder, vaultEntry: sealVaultEntry(original, placeholder, type, context.vaultKey) };
    }
  }
}

/** Cards keep the last four digits only (PCI DSS allows at most first six and last four; we show fewer). */
export function maskValue(type: TEntityType, original: string): string {
  if (type === 'CREDIT_CARD') return `[CREDIT_CARD ****${original.replace(/\D/g, '').slice(-4)}]`;
  return original.replace(/[\p{L}\p{N}]/gu, '*');
}

function hashValue(type: TEntityType, original: string, key: Uint8Array | string | undefined): string {
  if (key === undefined || key.length < 16) throw new TypeError('The hash operator needs hashKey (at least 16 bytes)');
  const digest = createHmac('sha256', key).update(`${type}\u0000${normalizeForIdentity(type, original)}`).digest('hex');
  return `[${type}:${digest.slice(0, 16)}]`;
}
