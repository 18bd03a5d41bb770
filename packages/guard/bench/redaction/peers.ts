import { OpenRedaction } from '@openredaction/openredaction';
import { SyncRedactor } from 'redact-pii';
import { redact } from '../../src/redact/index';
import { type TSpan } from './metrics';

export type TSystem = {
  name: string;
  /** Entity types of our scheme the system can produce at all. */
  supports: readonly string[];
  detect(text: string): TSpan[] | Promise<TSpan[]>;
};

export const vouchSystem: TSystem = {
  name: 'vouch',
  supports: ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'PERSON', 'STREET_ADDRESS', 'DATE_OF_BIRTH', 'PASSPORT', 'NATIONAL_ID', 'SECRET'],
  detect: (text) => redact(text).entities,
};

/** redact-pii returns only text; its fixed replacement words let us recover where each replacement sat. */
const REDACT_PII_TYPES: Record<string, string | null> = {
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  STREET_ADDRESS: 'STREET_ADDRESS',
  ZIPCODE: null,
  PHONE_NUMBER: 'PHONE',
  IP_ADDRESS: 'IP_ADDRESS',
  US_SOCIAL_SECURITY_NUMBER: 'US_SSN',
  EMAIL_ADDRESS: 'EMAIL',
  USERNAME: null,
  PASSWORD: 'SECRET',
  CREDENTIALS: 'SECRET',
  DIGITS: null,
  URL: null,
  PERSON_NAME: 'PERSON',
};
const REDACT_PII_TOKEN = new RegExp(Object.keys(REDACT_PII_TYPES).sort((a, b) => b.length - a.length).join('|'), 'g');

export function createRedactPiiSystem(): TSystem {
  const redactor = new SyncRedactor();
  return {
    name: 'redact-pii',
    supports: ['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'PERSON', 'STREET_ADDRESS', 'SECRET'],
    detect: (text) => alignReplacements(text, redactor.redact(text)),
  };
}

/** Walks the output: literal segments are found again in the input, tokens cover what lies between. */
export function alignReplacements(input: string, output: string): (TSpan & { peerType: string })[] {
  const spans: (TSpan & { peerType: string })[] = [];
  const tokens = [...output.matchAll(REDACT_PII_TOKEN)];
  let inputCursor = 0;
  let outputCursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const literalBefore = output.slice(outputCursor, token.index);
    inputCursor += literalBefore.length;
    const nextTokenIndex = tokens[i + 1]?.index ?? output.length;
    const literalAfter = output.slice(token.index + token[0].length, nextTokenIndex);
    const start = inputCursor;
    let end: number;
    if (i + 1 === tokens.length) end = input.length - literalAfter.length;
    else if (literalAfter.length === 0) end = start + 1;
    else {
      const found = input.indexOf(literalAfter, start + 1);
      end = found < 0 ? start + 1 : found;
    }
    const type = REDACT_PII_TYPES[token[0]];
    if (type && end > start) spans.push({ type, start, end, peerType: token[0] });
    else if (end > start) spans.push({ type: `peer:${token[0]}`, start, end, peerType: token[0] });
    inputCursor = end;
    outputCursor = token.index + token[0].length;
  }
  return spans;
}

/** OpenRedaction's ~550 pattern names folded onto our types; unmapped ones are kept as `peer:<name>`. */
export function mapOpenRedactionType(type: string): string {
  const rules: [RegExp, string][] = [
    [/^EMAIL/, 'EMAIL'],
    [/^(PHONE|MOBILE|TELEPHONE)|_PHONE/, 'PHONE'],
    [/CREDIT_CARD|^CARD_NUMBER|^PAN$/, 'CREDIT_CARD'],
    [/IBAN/, 'IBAN'],
    [/^(US_)?SSN$|SOCIAL_SECURITY/, 'US_SSN'],
    [/^IP(V4|V6)?(_ADDRESS)?$/, 'IP_ADDRESS'],
    [/^(NAME|PERSON|FULL_NAME|FIRST_NAME|LAST_NAME)/, 'PERSON'],
    [/ADDRESS|POSTCODE|POSTAL|ZIP/, 'STREET_ADDRESS'],
    [/BIRTH|DOB/, 'DATE_OF_BIRTH'],
    [/PASSPORT/, 'PASSPORT'],
    [/NATIONAL_ID|NATIONAL_INSURANCE|NINO|^NIN$|DNI|NIE|CODICE_FISCALE|FISCAL|TAX_ID|PERSONALAUSWEIS|ID_CARD|IDENTITY/, 'NATIONAL_ID'],
    [/API_KEY|SECRET|TOKEN|PRIVATE_KEY|AWS_|GITHUB|SLACK|STRIPE|GOOGLE_API|JWT|PASSWORD|BEARER|GITLAB|OPENAI/, 'SECRET'],
  ];
  return rules.find(([pattern]) => pattern.test(type))?.[1] ?? `peer:${type}`;
}

export function createOpenRedactionSystem(): TSystem {
  const shield = new OpenRedaction();
  return {
    name: 'openredaction',
    supports: ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'PERSON', 'STREET_ADDRESS', 'DATE_OF_BIRTH', 'PASSPORT', 'NATIONAL_ID', 'SECRET'],
    async detect(text) {
      const result = await shield.detect(text);
      return result.detections.map((d) => ({ type: mapOpenRedactionType(d.type), start: d.position[0], end: d.position[1] }));
    },
  };
}
