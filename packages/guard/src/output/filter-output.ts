import { detectEntities, planDetection } from '../redact/detect';
import { replaceDetections } from '../redact/redact';
import { RedactionSession } from '../redact/session';
import { type TDetection, type TRedactOptions } from '../redact/types';
import { containsCanary } from './canary';
import { removeDisallowedLinks } from './links';

export type TOutputActionKind = 'blocked_canary' | 'pii_redacted' | 'secret_redacted' | 'link_removed';

/** `detail` never contains the redacted value itself: actions are written to audit logs. */
export type TOutputAction = { kind: TOutputActionKind; detail: string };

export type TOutputContext = {
  /** The canary planted in this conversation's system prompt. */
  canary?: string;
  /** Hosts the answer may link to; subdomains are allowed. Empty or missing: no links at all. */
  allowedDomains?: readonly string[];
  /** Values the answer may repeat verbatim (e.g. the customer's own email from the CRM). */
  allowedPiiValues?: readonly string[];
  /** The customer's messages in this conversation: their own data may be echoed back to them. */
  customerMessages?: readonly string[];
  /** Approved knowledge-base passages the answer was grounded on (a support phone number, an address). */
  sourceTexts?: readonly string[];
  /** Detection and operator settings for the PII that is redacted (threshold, custom entities, session…). */
  redactOptions?: TRedactOptions;
  fallbackMessage?: string;
};

export type TOutputResult = { text: string; actions: TOutputAction[]; blocked: boolean };

export const DEFAULT_FALLBACK_MESSAGE = "I'm sorry, I can't help with that here. A member of our team will follow up with you.";

/** PII types we never echo even when the customer typed them: PCI DSS for cards, and secrets are never "theirs" to see in a transcript. */
const NEVER_ECHOED = new Set(['CREDIT_CARD', 'SECRET']);

/**
 * The last gate before a model's answer reaches a customer: a leaked canary blocks the answer, PII the
 * customer didn't provide is redacted, secrets are always redacted, links leave only for allowed hosts.
 */
export function filterOutput(answer: string, context: TOutputContext = {}): TOutputResult {
  if (context.canary && containsCanary(answer, context.canary)) {
    return {
      text: context.fallbackMessage ?? DEFAULT_FALLBACK_MESSAGE,
      actions: [{ kind: 'blocked_canary', detail: 'system prompt canary found in the answer' }],
      blocked: true,
    };
  }

  // Links go first: "https://vouch.io@evil.example" must be judged as a URL before its
  // user-info part can be mistaken for an email address.
  const links = removeDisallowedLinks(answer, context.allowedDomains ?? []);
  const actions: TOutputAction[] = links.removed.map((removal) => ({ kind: 'link_removed', detail: `link to ${removal.host}` }));
  const text = links.text;

  const options = context.redactOptions ?? {};
  const plan = planDetection(options);
  const permitted = collectPermittedValues(context, plan);
  const toRedact: TDetection[] = [];
  for (const detection of detectEntities(text, plan)) {
    const value = detection.value ?? text.slice(detection.start, detection.end);
    if (!NEVER_ECHOED.has(detection.type) && isPermitted(value, permitted)) continue;
    toRedact.push(detection);
    actions.push({ kind: detection.type === 'SECRET' ? 'secret_redacted' : 'pii_redacted', detail: detection.type });
  }
  const session = options.session ?? RedactionSession.create();
  return { text: replaceDetections(text, toRedact, { ...options, session }, 0).text, actions, blocked: false };
}

type TPermittedValues = { keys: Set<string>; sources: string };

function toIdentityKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function collectPermittedValues(context: TOutputContext, plan: ReturnType<typeof planDetection>): TPermittedValues {
  const keys = new Set<string>();
  for (const value of context.allowedPiiValues ?? []) keys.add(toIdentityKey(value));
  const texts = [...(context.customerMessages ?? []), ...(context.sourceTexts ?? [])];
  for (const text of texts) {
    for (const d of detectEntities(text, plan)) keys.add(toIdentityKey(d.value ?? text.slice(d.start, d.end)));
  }
  return { keys, sources: texts.map(toIdentityKey).join('\u0000') };
}

/** Also accepts a value that appears verbatim in a permitted text but wasn't detected there (different context). */
function isPermitted(value: string, permitted: TPermittedValues): boolean {
  const key = toIdentityKey(value);
  if (key.length === 0) return false;
  return permitted.keys.has(key) || (key.length >= 6 && permitted.sources.includes(key));
}
