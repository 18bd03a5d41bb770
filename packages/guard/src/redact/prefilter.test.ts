import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection, PREFILTER_MAX_LENGTH, resolveOverlaps } from './detect';
import { type TDetection } from './types';
import { scanText, setScanTightLoopsOff, VOCAB } from './prefilter';
import { ipAddressRecognizer } from './recognizers/ip-address';
import { findNameCandidates, findNameCandidatesAt } from './recognizers/person';
import { setAnchorMinLength } from './recognizers/recognizer';
import { streetAddressRecognizer } from './recognizers/street-address';
import { normalizeSpokenDigits } from './spoken-digits';

/**
 * The prefilter only decides which recognisers run. These tests hold it to that: gated and exhaustive
 * detection must return exactly the same detections, on the labelled corpus and on random text built
 * from the pieces recognisers react to.
 */

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { text: string }).text);

function expectSameDetections(text: string, threshold: number): void {
  const gated = planDetection({ threshold });
  const exhaustive = { ...gated, prefilter: false };
  const expected = detectEntities(text, exhaustive);
  expect(detectEntities(text, gated)).toEqual(expected);
  // Short texts take the plain scans of the card, phone and IBAN recognisers by default: check the anchored path too.
  const previous = setAnchorMinLength(0);
  try {
    expect(detectEntities(text, gated)).toEqual(expected);
  } finally {
    setAnchorMinLength(previous);
  }
}

const PIECES = [
  ' ', ' ', ' ', '\n', ',', '.', ':', '-', '/', '(', ')', '+', '@', '#', '=', '_', '\u00A0', '’', "'",
  '0', '1', '4', '9', '12', '1979', '4111', '0151', '192.168.0.1', '::1', 'fe80::', 'DE89', '3704', '0044',
  'a', 'Z', 'ß', 'é', 'Ü', 'α', 'İ', 'Σ', '×', '²', '𝐀', 'x',
  'Anna', 'Müller', 'Smith', 'Dear', 'Hi', 'Thanks', 'my name is', "I'm", 'Mr.', 'Frau', 'Name:',
  'phone', 'call', 'SSN', 'ssn', 'born', 'geboren', 'DOB', 'passport', 'Reisepass', 'DNI', 'id', 'card',
  'order', 'invoice', 'tracking', 'four', 'one', 'oh', 'double', 'fünf', 'drei', 'cinq', 'nove',
  'password', 'token', 'api key', 'sk_live_', 'ghp_', 'AKIA', 'eyJ', 'Street', 'Straße', 'rue', 'Via', 'ZIP', 'PLZ',
  'com', 'example', 'https://', 'RSSMRA', 'AB', 'C', 'X',
  // Anchors of the candidate-start scans (recognisers that try their regex only at candidate positions).
  '\t', '%', 'a.b', 'user_1', '2001:db8', 'ab:cd:', '10:32', '[', ']', 'mot de passe', 'Passwort', 'client secret', 'secret',
  'Hauptstraße', 'Platz der', 'Republik', 'Karl-Marx-', 'weg', 'ring', 'Calle', 'Via', 'C/', 'Av.', 'Rua', 'n.º', 'bis', 'ter',
  'rue', 'de la', 'Paix', '221B', 'Baker', 'Avenue', 'Apt', '12345', '75002', 'März', 'mars', 'Mai', 'of', 'May', '3rd', 'º',
  'X1234567', 'AB123456C', 'ü', '😀', 'van', 'de', 'Dyke', 'Sutton', 'sk-', '-----BEGIN', 'PRIVATE KEY-----', '-----END', 'xoxb-',
  'SG.', 'github_pat_', 'redis://', 'aB3dE5fG7hJ9kL2mN4pQ6rS8', 'Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2',
  // Shapes the digit-run anchors filter on (run lengths and the characters right before a run).
  '4222222222222', '4111 1111 1111 1111', '123-45-6789', '123 45 6789', '123456789', '(', '(+', '+ ', '00', '0151 2345678',
  '(415) 555-0132', 'DE89370400440532013000', 'DE89 3704 0044 0532 0130 00', 'X1234567L', '12345678Z', 'QQ 12 34 56 C',
  'RSSMRA85T10A562S', '10.0.0.1', '[10:32]',
  // Exact shape gates (SSN runs of 3-2-4 and 9, IBAN country codes) and phrase vocabularies (word pairs).
  '123-45-678', '12-345-6789', '123-45 6789', '1234-56-7890', '12345678', '1234567890', 'QX89', 'de89', 'XDE89',
  'social', 'security', 'number', 'national', 'insurance', 'identity', 'tax', 'no', 'nr', 'carte', "d'", 'identité',
  'codice', 'fiscale', 'ni', 'social security number', 'id card', 'passport no', 'Tax ID',
  '555-0132', '415', '555', '030', '(030)', '0044 20 7946 0958', '212.555.0199', '0 30 1234567', '(0)', ') ',
  'f0c5c9cc-62f3-4bda-a9a3-b9824cb76117', '72e8da436943280de0ce379638576656a800d255', 'pk_live_Qk4i3HyoDUbPoX0RvGYvKNjM',
  '12345678901234567890123456789012', 'abcdefabcdefabcdefabcdefabcdefab', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'QWERTYUIOPASDFGH7', 'key', 'api',
  '2001:db8:85a3:0:0:8a2e:370:7334', '0:0:0:0:0:ffff:', '192.168.1.1', '12:30:45', '::', ':', 'a:b',
  'ne le', 'le', 'd o b', 'D.O.B.', 'b', 'né le', 'age', 'geboren', '12/03/1985', '3.5.1979',
  '12345678-Z', '1234567Z', '123456 A', 'AB 123456 D', '17:00 CET', 'SPRING24', 'RSSMRA8', 'QQ123456C', 'Y1234567-X',
  'PO Box', 'P.O. Box', 'P O Box', 'box', 'Box', '1c5e', 'c', 'route',
  'name is', 'this is', 'I am', 'is', 'am', 'I’m', 'Sig.ra', 'Dott.ssa', 'je m’appelle', 'Kind regards', 'regards', 'name', 'Rossi',
  '1.2.3.4.5', 'v3.12.9', '10.0.10303', '0:0:0:0:0:0:', '255.1.1', '.1', '1234.1.1.1',
  // The given-name lexicon, its labels and relatives (person-lexicon.ts), in all cases and next to place words.
  'Isla', 'ISLA', 'isla', 'Chloé', 'CHLOÉ', 'Ömer', 'Pierre', 'Jean-', 'McLeod', "O'", 'Doyle', 'Cardholder', 'cardholder:', 'Titular',
  'my wife', 'mi marido', 'Mein Mann', 'intestato a', 'its', 'Saint', 'St.', 'Park', 'Road', 'Ltd', 'Sure', 'Isla2', '2isla',
  // National id formats (national-id-formats.ts): their words and shapes, checksummed ones valid and not.
  'CPF', '529.982.247-25', '529.982.247-26', '12345678909', 'sécu', '2 84 05 75 123 456 72', '2 84 05 2A 123 456 72', 'Steuer-ID',
  '47 036 892 816', 'PAN', 'ABCPE1234F', 'NIF', '234567899', 'Personalausweis', 'T22000129', "carte d'identité", 'CB12345XY',
  'Sozialversicherungsnummer', '12 150385 M 017', 'Seguridad Social', '08 12345678 90', 'Cartão de Cidadão', '12345678 9 ZZ4',
  // Passwords in a sentence (secret-phrase.ts) and call verbs (phone.ts).
  'password is', 'Passwort lautet', 'senha é', 'Palavra-passe', 'Summer2026!!', 'Kx9#mP2', 'llámenme', 'liguem', '(+44 20 7946 0321)',
  // German addresses after a preposition (street-address-prepositions.ts).
  'Am', 'Im', 'An der', 'Stadtpark', ' 2, ', '01067', ' Dresden', 'AM',
  // Birth dates in words (date-of-birth-spelled.ts).
  'fourth of June', ', nineteen eighty-eight', 'NINETEEN', 'mille neuf cent', 'douze juillet', 'date of birth', 'né le',
];

const ipGate = (text: string): boolean => ipAddressRecognizer.mayMatch!(scanText(text), 0.5, text);

const textArbitrary = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));

/** The scan with its tight loops (letter runs, single spaces between them) and with the general path only. */
function expectTightLoopsAgree(text: string): void {
  const fast = scanText(text);
  const previous = setScanTightLoopsOff(true);
  try {
    expect(fast, JSON.stringify(text)).toEqual(scanText(text));
  } finally {
    setScanTightLoopsOff(previous);
  }
}

describe('redaction prefilter', () => {
  it('reads the same features with and without the scan\'s tight loops (letter runs, spaces between them, digit runs)', { timeout: 60_000 }, () => {
    for (const text of corpus) expectTightLoopsAgree(text);
    // Spaces between lower-case words, at the ends, doubled, before capitals, digits and other letters.
    for (const text of ['a b', 'ab cd ef', ' ab', 'ab ', 'ab  cd', 'ab\tcd', 'ab Cd', 'ab 1', 'ab é', 'my name is anna', 'four one one one', 'x y']) {
      expectTightLoopsAgree(text);
    }
    fc.assert(
      fc.property(textArbitrary, (text) => {
        expectTightLoopsAgree(text);
        expectTightLoopsAgree(text.toLowerCase());
      }),
      { numRuns: 1500, seed: 20261128 },
    );
  });


  it('changes nothing on the labelled corpus', { timeout: 60_000 }, () => {
    for (const text of corpus) {
      expectSameDetections(text, 0.5);
      expectSameDetections(text, 0.15);
    }
  });

  it('changes nothing on long text (the corpus as one transcript)', { timeout: 120_000 }, () => {
    for (let i = 0; i < corpus.length; i += 100) expectSameDetections(corpus.slice(i, i + 100).join('\n'), 0.5);
    // Above PREFILTER_MAX_LENGTH the prefilter is skipped and every recogniser runs on its candidate starts.
    const whole = corpus.join('\n');
    expect(whole.length).toBeGreaterThan(PREFILTER_MAX_LENGTH);
    expectSameDetections(whole, 0.5);
    expectSameDetections(whole, 0.15);
  });

  it('changes nothing on random text made of recogniser triggers', () => {
    fc.assert(
      fc.property(textArbitrary, fc.constantFrom(0.05, 0.3, 0.5, 0.8), (text, threshold) => expectSameDetections(text, threshold)),
      { numRuns: Number(process.env.PREFILTER_RUNS ?? 3000) },
    );
  }, 120_000);

  it('reads digit runs, vocabulary and exotic text', () => {
    const plain = scanText('Call me on +49 151 2345 6789 or mail anna@example.com, DOB 03/04/1979');
    expect(plain.hasAt).toBe(true);
    expect(plain.hasPlus).toBe(true);
    expect(plain.looseRunMax).toBe(13);
    expect(plain.strictRunMax).toBe(13);
    expect(plain.exotic).toBe(false);
    expect(scanText('four one one one').spokenDigitWords).toBe(4);
    expect(scanText('Ελληνικά').exotic).toBe(true);
    expect(scanText('IBAN DE89 3704').ibanStart).toBe(true);
  });

  it('reads the exact SSN and IBAN start shapes', () => {
    expect(scanText('SSN 123-45-6789').ssnSeparated).toBe(true);
    expect(scanText('123 45 6789 ok').ssnSeparated).toBe(true);
    expect(scanText('123-45 6789').ssnSeparated).toBe(false);
    expect(scanText('1234-45-6789').ssnSeparated).toBe(false);
    expect(scanText('123-45-67890').ssnSeparated).toBe(false);
    expect(scanText('id 123456789').nineDigitRun).toBe(true);
    expect(scanText('id 1234567890').nineDigitRun).toBe(false);
    expect(scanText('DE89 3704').ibanCountryStart).toBe(true);
    expect(scanText('QX89 3704').ibanCountryStart).toBe(false);
    expect(scanText('xDE89 3704').ibanCountryStart).toBe(false);
  });

  it('reads the phone layouts that score without a context word', () => {
    expect(scanText('ring 0151 2345678').phoneShapeAlone).toBe(true);
    expect(scanText('ring (030) 123 456').phoneShapeAlone).toBe(true);
    expect(scanText('on 03/01/2024').phoneShapeAlone).toBe(false);
    expect(scanText('(415) 555-0132').phoneShapeAlone).toBe(true);
    expect(scanText('212.555.0199 ok').phoneShapeAlone).toBe(true);
    expect(scanText('2023-06-10 1234').phoneShapeAlone).toBe(false);
    expect(scanText('+1 555').phoneShapeAlone).toBe(true);
    // Each layout scores 0.5+ with no context word, so the gate alone decides whether it is found.
    for (const text of ['Ruf 030 123456 bitte', 'Ruf 0030 1234 5678 bitte', 'Bitte (415) 555-0132', 'Bitte (415) 555-0132 danke', 'Bitte 212.555.0199.', 'Bitte +49 30 1234567']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('PHONE');
    }
  });

  it('reads the letter-and-digit runs a random token needs', () => {
    expect(scanText('id f0c5c9cc-62f3-4bda-a9a3-b9824cb76117').randomTokenSegment).toBe(false);
    expect(scanText('key aB3dE5fG7hJ9kL2mN4pQ6rS8').randomTokenSegment).toBe(true);
    expect(scanText('sha 72e8da436943280de0ce379638576656a800d255 ok').randomTokenSegment).toBe(true);
    expect(scanText('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz').randomTokenSegment).toBe(false);
    // Hex-only tokens of one class (all digits, all a-f) are secrets next to a secret word: the gate must open.
    for (const text of ['api key 12345678901234567890123456789012 ok', 'token abcdefabcdefabcdefabcdefabcdefab', 'Token: 72e8da436943280de0ce379638576656a800d255.']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('SECRET');
    }
  });

  it('opens the street gate for "C/" and "PO Box" but not for a lone "c" or "box"', () => {
    expect(scanText('id 1c5e35ab 12').hasCSlash).toBe(false);
    expect(scanText('the box was empty on 12').vocab & VOCAB.STREET).toBe(0);
    for (const text of ['Vivo en C/ Mayor 10, Madrid', 'Send it to PO Box 1234 please', 'Send it to P.O. Box 55', 'Ref 2PO Box 12']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('STREET_ADDRESS');
    }
  });

  it('lists every name start the name recogniser can accept (corpus)', () => {
    for (const text of corpus) expect(findNameCandidatesAt(text, scanText(text).nameStarts), text).toEqual(findNameCandidates(text));
  });

  it('reads a German street suffix before a number as the suffix test on the digit runs did', () => {
    const suffixes = ['straße', 'strasse', 'str.', 'weg', 'allee', 'platz', 'gasse', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad'];
    // The definition: some run of ASCII digits (not at the text's start) follows, after spaces or tabs, twelve
    // characters or fewer that end in a suffix once lower-cased.
    const reference = (text: string): boolean =>
      [...text.matchAll(/(?<![0-9])[0-9]/g)].some((m) => {
        let end = m.index;
        if (end === 0) return false;
        while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
        const window = text.slice(Math.max(0, end - 12), end).toLowerCase();
        return suffixes.some((suffix) => window.endsWith(suffix));
      });
    for (const text of corpus) expect(scanText(text).germanStreetNumber, text).toBe(reference(text));
    const pieces = fc.constantFrom('Haupt', 'STRASSE', 'straße', 'Str.', 'str', 'weg', 'WEG', 'Ring', 'rin', 'g', 'Allee', 'pfad', 'İ', 'ẞ', 'é', ' ', '\t', '  ', '\n', '5', '12', '0', 'a', '.', '-');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        expect(scanText(text).germanStreetNumber, JSON.stringify(text)).toBe(reference(text));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    for (const text of ['Lieferadresse: Hauptstraße 5, 10115 Berlin', 'bitte an Goethestr. 12 schicken', 'Am Mühlenweg\t7 wohne ich']) {
      expect(scanText(text).vocab & VOCAB.STREET, text).toBe(0);
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type), text).toContain('STREET_ADDRESS');
    }
  });

  it('opens the secret gate for label words as tokens, glued to a copula or after digits, and not for other colons', () => {
    expect(scanText('Name: Anna, call at 10:30').vocab & VOCAB.SECRET_LABEL).toBe(0);
    for (const text of ['passwordis: hunter2hunter', '1password: s3cr3tvalue', 'API_KEY=abcdef123456', 'Contraseña: Xyz12345', 'KENNWORTist: geheim123',
      'mot de passe est : azerty123', 'my apikey= 9f8e7d6c5b', 'client secret:  qwerty7890', 'the TOKENé=abcdefgh']) {
      expect(scanText(text).vocab & VOCAB.SECRET_LABEL, text).not.toBe(0);
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type), text).toContain('SECRET');
    }
  });

  it('reads dotted quads (four short dot-joined groups) and opens the IPv4 gate for them only', () => {
    // The definition: some run of dot-joined digit groups has four groups or more, the first four of 1-3 digits.
    const reference = (text: string): boolean =>
      [...text.matchAll(/(?<![0-9])[0-9]+(?:\.[0-9]+)*/g)].some((m) => {
        const groups = m[0].split('.');
        return groups.length >= 4 && groups.slice(0, 4).every((g) => g.length <= 3);
      });
    for (const text of corpus) expect(scanText(text).dottedQuad, text).toBe(reference(text));
    for (const text of ['1.2.3.4', '1.2.3.4567', '1234.1.1.1', '1.2.3.4.5', '1.22.333.4', '1..2.3.4', '1.2.3.', 'a1.2.3.4b', '1.2.3.4.', '9999.1.2.3.4']) {
      expect(scanText(text).dottedQuad, text).toBe(reference(text));
    }
    const pieces = fc.constantFrom('1.', '12.', '192.', '1234.', '1', '12', '192', '1234', '0', '.', '..', ' ', ':', 'v', 'a', '-', '/', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        expect(scanText(text).dottedQuad, JSON.stringify(text)).toBe(reference(text));
      }),
      { numRuns: 5000, seed: 20261128 },
    );
    for (const text of ['After updating to v2.1.4 the app crashes on Windows version 10.0.10303.', 'Chrome 122.0.9211.98 on macOS 14.2', 'Node 21.13.8.']) {
      expect(ipGate(text), text).toBe(false);
    }
    for (const text of ['Whitelist 94.251.124.44.', 'from 10.0.0.1:8080', 'ip=8.8.8.8', 'x 0:0:0:0:0:0:1.2.3.4.5 y', 'at 1.2.3.4.']) {
      expect(ipGate(text), text).toBe(true);
      expectSameDetections(text, 0.5);
    }
    expect(detectEntities('Whitelist 94.251.124.44.', planDetection({})).map((d) => d.type)).toContain('IP_ADDRESS');
  });

  it('opens the IP gate for IPv6 forms but not for clock times', () => {
    expect(ipGate('at 10:32:15 today')).toBe(false);
    for (const text of ['host 2001:db8:85a3:0:0:8a2e:370:7334 down', 'from 0:0:0:0:0:ffff:192.168.1.1 ok', 'from fe80::1 ok', '::ab12 is the host']) {
      expect(ipGate(text)).toBe(true);
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('IP_ADDRESS');
    }
  });

  it('opens the national-id gate for DNI, NIN and codice fiscale shapes only', () => {
    expect(scanText('at 17:00 CET, 2023-06-10T15:37').idNumberEnd).toBe(false);
    expect(scanText('code SPRING24 gives 30%').fiscalCodeStart).toBe(false);
    // Each scores 0.5+ by its shape alone (no id word), so the gate decides whether it is found.
    for (const text of ['Mi documento: 12345678-Z.', 'Y1234567X ok', 'Hi AB 12 34 56 C ok', 'Hi AB123456C', 'Codice RSSMRA85T10A562S']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('NATIONAL_ID');
    }
  });

  it('gates phrase vocabularies on word pairs', () => {
    // NATIONAL_ID registers "id card" and "id number" as pairs: "card" or "number" alone no longer open it.
    expect(scanText('my card number 4111').vocab & VOCAB.NATIONAL_ID).toBe(0);
    expect(scanText('my id card 4111').vocab & VOCAB.NATIONAL_ID).not.toBe(0);
    expect(scanText('Carte d’identité 4111').vocab & VOCAB.NATIONAL_ID).not.toBe(0);
    expect(scanText('security number: 123456789').vocab & VOCAB.SSN).not.toBe(0);
    expect(scanText('my number: 123456789').vocab & VOCAB.SSN).toBe(0);
    // DATE_OF_BIRTH: "ne le" and "d o b" are pairs; "le" alone is no birth word.
    expect(scanText('le 12/03/2024').vocab & VOCAB.DATE_OF_BIRTH).toBe(0);
    for (const text of ['Renaissance: ne le 12/03/1985', 'Renaissance. D O B 12/03/1985', 'Kunde 3.5.1979 geboren']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('DATE_OF_BIRTH');
    }
    // Name cues: "is" alone is none, "name is" is, also when the token before starts with digits.
    expect(scanText('it is Anna').vocab & VOCAB.PERSON_CUE).not.toBe(0);
    expect(scanText('the box is Blue').vocab & VOCAB.PERSON_CUE).toBe(0);
    for (const text of ['Ref 7name is Anna Rossi', 'Ref 7this is Anna Rossi from Acme', 'it’s Anna Rossi here', 'Order 4, Sig.ra Bianchi']) {
      expectSameDetections(text, 0.5);
      expect(detectEntities(text, planDetection({})).map((d) => d.type)).toContain('PERSON');
    }
  });

  it('finds the same spelled-out runs (digit words and groups joined by separators)', () => {
    const token = fc.constantFrom('four', 'one', 'oh', 'double', 'fünf', 'FÜNF', 'Zéro', 'três', 'sept', 'nove', '1', '12', '123', '4111', '12345', 'x', 'card', 'call', 'ß');
    const separator = fc.constantFrom(' ', ', ', '-', '.', '\t', ' - ', '\n', '');
    const text = fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
    const normalized = (t: string, anchored: boolean) => {
      const n = normalizeSpokenDigits(t, anchored);
      return n && { text: n.text, map: [...n.text].map((_, i) => [n.sourceStart(i), n.sourceEnd(i)]) };
    };
    fc.assert(
      fc.property(text, (t) => {
        expect(normalized(t, true)).toEqual(normalized(t, false));
        expectSameDetections(t, 0.5);
      }),
      { numRuns: 3000 },
    );
  });

  it('looks at the lines around spelled-out runs only where that changes nothing (the second pass)', () => {
    // The rewritten run brings "call" within five tokens of the number on the next line: only the second
    // pass finds that phone, so its window must reach past the run's own line.
    const reach = 'call four one five five five five five\n2345678901';
    expect(detectEntities(reach, planDetection({})).map((d) => reach.slice(d.start, d.end))).toEqual(['four one five five five five five', '2345678901']);
    expectSameDetections(reach, 0.5);
    // Same, with the number ~100 characters after the run (the context window still reaches "call").
    const far = `call four one five five five five five\n${'a'.repeat(33)} ${'b'.repeat(33)} ${'c'.repeat(33)}\n2345678901`;
    expect(detectEntities(far, planDetection({})).map((d) => far.slice(d.start, d.end))).toContain('2345678901');
    expectSameDetections(far, 0.5);
    const filler = fc.constantFrom('', 'ok', 'the parcel is late again', 'x'.repeat(60), 'thanks for waiting, we are checking it now');
    const spoken = fc.constantFrom('four one one one one one one one one one one one one one one one', 'oh one five one two three four five six seven', 'one two three four five six seven eight nine');
    const plain = fc.constantFrom('4111 1111 1111 1111', '4111111111111111', '0151 2345678', '2345678901', '123-45-6789', '123456789', 'call', 'card', 'order', 'ssn', '5', '12');
    const line = fc.array(fc.oneof(filler, spoken, plain), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
    const text = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, fc.constantFrom(0.3, 0.5), (t, threshold) => expectSameDetections(t, threshold)),
      { numRuns: 1500 },
    );
  });

  it('finds the same dates (month names read back from the day digits)', () => {
    const before = fc.constantFrom('', 'born ', 'DOB: ', 'geboren am ', 'x', 'é', '«', '3', 'née le ', 'order ', 'on ');
    const month = fc.constantFrom('May', 'MAY', 'may', 'Mai', 'März', 'MÄRZ', 'août', 'Sept', 'sept', 'Dec', 'December', 'dezembro', 'março', 'Xmay', 'Mayo', 'Ma');
    const gap = fc.constantFrom(' ', '\t', '. ', '.\t', '  ', '.', '', ' de ', ' of ');
    const day = fc.constantFrom('3', '12', '3rd', '31st', '123', '3.', '1º');
    const tail = fc.constantFrom(' 1979', ', 1979', ' 2024', ' de 1979', ' 79', '', ' born', ' geboren');
    const date = fc.tuple(before, month, gap, day, tail).map((parts) => parts.join(''));
    const text = fc.array(date, { minLength: 1, maxLength: 4 }).map((dates) => dates.join(' '));
    fc.assert(fc.property(text, fc.constantFrom(0.05, 0.5), (t, threshold) => expectSameDetections(t, threshold)), { numRuns: 2000 });
  });

  it('finds the same street addresses (street words read back from the house number)', () => {
    const street = fc.constantFrom(
      'Hauptstraße', 'HAUPTSTRASSE', 'MÜLLERSTRASSE', 'Berliner Straße', 'Platz der Republik', 'Karl-Marx-Str.', 'Am Ring', 'Rosenweg', 'O’Neill-Allee', 'Müllerstraße',
      'Calle Mayor', 'Via Roma,', 'Rua Augusta, n.º', 'Avenida de la Constitución', 'Piazza di San Marco', 'C/ Sol', 'Av. da Liberdade',
      'Calle de los Reyes Católicos de España', 'Calle de los Reyes de Castilla de Aragón de España nº', 'Platz der Café', 'Via', 'Straße',
      'call me at', 'order',
    );
    const gap = fc.constantFrom(' ', '', '  ', '\t', ' nº ', ', ');
    const number = fc.constantFrom('5', '12a', '1234', '12345', '3 b', '10');
    const tail = fc.constantFrom('', ', 10115 Berlin', ' 28013 Madrid', '.', ' and 7', ' ZIP 12345', ' PLZ:10115', ' CP12345', ' zip code is: 12345-6789', ' Postcode SW1A 1AA', ' código postal es : 28013', ' CAP 00184', ' c.a.p. 00184', ' postal code K1A 0B1', ' PLZé0044');
    const address = fc.tuple(fc.constantFrom('', 'Adresse: ', 'I live at ', '[10:32] ', 'x'), street, gap, number, tail).map((parts) => parts.join(''));
    const text = fc.array(address, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(text, (t) => expectSameDetections(t, 0.5)), { numRuns: 2000 });
  });

  it('finds the same secrets (URL credentials, labels, known prefixes)', () => {
    const scheme = fc.constantFrom('http', 'https', 'postgres', 'postgresql', 'mysql', 'mongodb', 'mongodb+srv', 'redis', 'amqp', 'ftp', 'xredis');
    const url = fc.tuple(scheme, fc.constantFrom('admin', 'u'), fc.constantFrom('hunter22', 's3cr3t!', 'ab')).map(([sc, user, pw]) => `${sc}://${user}:${pw}@db.example.com`);
    const label = fc.constantFrom('password', 'Passwort', 'pwd', 'passcode', 'mot de passe', 'contraseña', 'CONTRASEÑA', 'clave', 'senha', 'api key', 'apikey', 'api_key', 'secret', 'token', 'access token', 'client secret', 'my_password', 'customer', 'Agent');
    const copula = fc.constantFrom('', ' ', ' is', 'is', ' ist ', ' est', ' es', ' è', 'é', ' é ', '  ');
    const value = fc.constantFrom(' hunter2!x', ': x', '"correct-horse"', ' 12345', '[10:32]', " 'abcdefgh'", ' abc');
    const labelled = fc.tuple(label, copula, fc.constantFrom(':', '=', ' :', ' = '), value).map((parts) => parts.join(''));
    const known = fc.constantFrom('xoxb-1234567890', 'xoxb-123456789', 'sk-' + 'a'.repeat(20), 'AKIA' + 'A'.repeat(16), 'ghp_' + 'b'.repeat(36), 'x.sk-' + 'a'.repeat(20), 'eyJabcdefgh.eyJabcdefgh.abcdefgh');
    const piece = fc.oneof(url, labelled, known, fc.constantFrom(' ', '\n', 'see ', '[10:32] Customer: ', '-----BEGIN'));
    const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => expectSameDetections(t, 0.5)), { numRuns: 3000 });
  });

  it('finds the same secrets in key-character runs longer than a token match (512)', () => {
    const run = 'aB3dE5fG7hJ9kL2mN4pQ6rS8.'.repeat(30);
    for (const text of [run, `key ${run} x`, `token: ${run.slice(0, 40)} ${run}`]) expectSameDetections(text, 0.5);
  });

  it('resolves overlaps the same way with few candidates (span comparison) as with many (bitmap)', () => {
    /** The bitmap walk, for any number of candidates: the reference. */
    const reference = (candidates: TDetection[], length: number): TDetection[] => {
      const ordered = [...candidates].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
      const taken = new Uint8Array(length);
      const accepted = ordered.filter((c) => {
        for (let i = c.start; i < c.end; i++) if (taken[i]) return false;
        taken.fill(1, c.start, c.end);
        return true;
      });
      return accepted.sort((a, b) => a.start - b.start);
    };
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0.5, 0.6, 0.75, 0.95)).map(([start, length, score]) => ({ type: 'X', start, end: start + length, score }));
    fc.assert(fc.property(fc.array(span, { maxLength: 40 }), (candidates) => {
      expect(resolveOverlaps(candidates, 80)).toEqual(reference(candidates, 80));
    }), { numRuns: 2000 });
    // Ties told apart (each candidate its own type, few distinct spans and scores): the few-
    // candidate path's insertion sorts must keep the order of the stable sorts exactly, not only the same spans.
    const tied = fc.tuple(fc.nat(12), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0.5, 0.95)).map(([start, length, score]) => ({ start, end: start + length, score }));
    fc.assert(fc.property(fc.array(tied, { maxLength: 40 }), (spans) => {
      const candidates = spans.map((c, i) => ({ ...c, type: `T${i}` }));
      const input = [...candidates];
      expect(resolveOverlaps(candidates, 20)).toEqual(reference(candidates, 20));
      expect(candidates).toEqual(input);
    }), { numRuns: 3000 });
  });

  it('opens the name gate for a particle right after a trigger (the gate used to miss it)', () => {
    expect(detectEntities('Hi van Dyke,', planDetection({}))).toEqual([{ type: 'PERSON', start: 3, end: 11, score: 0.8 }]);
  });

  it('the street patterns the scan rules out find nothing (gate and detect = the hint-only reference)', { timeout: 60_000 }, () => {
    // Every street word of every pattern, in several cases, glued to digits, before '.', ',' and marks.
    const words = [
      'Street', 'St', 'St.', 'Avenue', 'Ave', 'Road', 'Rd', 'Blvd', 'Lane', 'Drive', 'Dr', 'Way', 'Court', 'Place', 'Pl', 'Close', 'Row', 'Mews', 'Hill', 'NW',
      'Straße', 'Strasse', 'Str.', 'Weg', 'Allee', 'Platz', 'Gasse', 'Ring', 'Damm', 'Ufer', 'Chaussee', 'Hauptstraße', 'Lindenweg', 'Am', 'des', 'der',
      'rue', 'Rue', 'avenue', 'av.', 'Av.', 'boulevard', 'bd', 'allée', 'Allée', 'chemin', 'place', 'impasse', 'quai', 'route', 'cours', 'de la', "l'",
      'Calle', 'calle', 'C/', 'Avenida', 'Avda.', 'Paseo', 'Plaza', 'Camino', 'Carrer', 'Ronda', 'Travesía', 'Via', 'Viale', 'Piazza', 'Corso', 'Vicolo',
      'Largo', 'Piazzale', 'Lungomare', 'Rua', 'rua', 'Travessa', 'Praça', 'Estrada', 'Alameda', 'n.º', 'del', 'di', 'do',
      'Baker', 'Roma', 'Augusta', 'Mayor', 'Paix', 'Berliner', 'PO Box', 'ZIP', 'PLZ', 'Springfield', 'IL', 'SW1A 1AA', 'Berlin',
    ];
    const bits = ['1', '12', '221B', '10115', '62704', '5a', ' ', ' ', ' ', '\t', ',', '.', '-', '\n', 'x', 'é', '\u0301', '_', '2'];
    const streetText = fc.array(fc.constantFrom(...words, ...bits), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));
    // Address shapes (number, name, street word in every order the patterns read), any word in any slot.
    const streetWords = words.slice(0, 80);
    const names = ['Baker', 'Roma', 'Augusta', 'Mayor', 'Paix', 'Berliner', 'Karl-Marx-', 'Santa Catarina', 'de la Paix', 'O’Neil'];
    const glue = [' ', '\t', ', ', ' ', '', '.', ' n.º ', '-'];
    const shaped = fc
      .tuple(fc.constantFrom('1', '12', '221B', '1600', '12bis', '7'), fc.constantFrom(...glue), fc.constantFrom(...names), fc.constantFrom(...glue), fc.constantFrom(...streetWords), fc.constantFrom(...glue), fc.constantFrom('', ', 10115 Berlin', ' NW', ', Apt 4', 'x', '.', ', Springfield, IL 62704'), fc.integer({ min: 0, max: 3 }))
      .map(([num, g1, name, g2, word, g3, tail, order]) =>
        [`${num}${g1}${name}${g2}${word}${tail}`, `${num}${g1}${word}${g2}${name}${tail}`, `${word}${g1}${name}${g2}${num}${g3}${tail}`, `${name}${word}${g1}${num}${tail}`][order]!,
      );
    const gatedDetect = (text: string): TDetection[] =>
      streetAddressRecognizer.mayMatch!(scanText(text), 0.5, text) ? streetAddressRecognizer.detect(text) : [];
    fc.assert(
      fc.property(streetText, (text) => {
        const reference = streetAddressRecognizer.detectExhaustively!(text);
        expect(gatedDetect(text), JSON.stringify(text)).toEqual(reference);
        expect(gatedDetect(text.toUpperCase()), JSON.stringify(text)).toEqual(streetAddressRecognizer.detectExhaustively!(text.toUpperCase()));
      }),
      { numRuns: 4000, seed: 20261128 },
    );
    fc.assert(
      fc.property(shaped, (text) => {
        expect(gatedDetect(text), JSON.stringify(text)).toEqual(streetAddressRecognizer.detectExhaustively!(text));
      }),
      { numRuns: 6000, seed: 20261128 },
    );
    for (const text of corpus) expect(gatedDetect(text), text).toEqual(streetAddressRecognizer.detectExhaustively!(text));
  });
});
