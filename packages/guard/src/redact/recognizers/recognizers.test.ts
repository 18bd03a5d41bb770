import { describe, expect, it } from 'vitest';
import { redact } from '../redact';

/** The [type, original text] pairs redact() reports, for readable assertions. */
function findEntities(text: string, threshold?: number): [string, string][] {
  return redact(text, { threshold }).entities.map((e) => [e.type, text.slice(e.start, e.end)]);
}

function expectUntouched(text: string): void {
  const result = redact(text);
  expect(result.entities, JSON.stringify(result.entities)).toEqual([]);
  expect(result.text).toBe(text);
}

describe('EMAIL', () => {
  it.each([
    ['write to anna.schmidt+shop@example.co.uk please', 'anna.schmidt+shop@example.co.uk'],
    ['Mail: JÖRG@beispiel.de.', 'JÖRG@beispiel.de'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['EMAIL', expected]]);
  });
  it('ignores @mentions and version@tags', () => {
    expectUntouched('ping @support or use pkg@1.2.3');
  });
});

describe('PHONE', () => {
  it.each([
    ['Call me on +49 151 23456789.', '+49 151 23456789'],
    ['my number is +14155550132', '+14155550132'],
    ['Tel: (415) 555-0132', '(415) 555-0132'],
    ['reach me at 415-555-0132', '415-555-0132'],
    ['Handy: 0151 23456789', '0151 23456789'],
    ['Tél. : 06 12 34 56 78', '06 12 34 56 78'],
    ['Telefon +49 (0)30 1234567', '+49 (0)30 1234567'],
    ['Móvil: +34 612 345 678', '+34 612 345 678'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['PHONE', expected]]);
  });
  it.each([
    'Where is order #123456789?',
    'order 0151234567 still missing',
    'ORD-2024-118833 is late',
    'delivered on 12/03/2024',
    'version 10.0.19045',
    'price $1,299.99',
    'ticket 48213 was closed at 14:22:05',
    'Reference 123-456-789 was rejected',
  ])('leaves %s alone', (text) => expectUntouched(text));
  it('reads spoken numbers, with "oh" and "double"', () => {
    const text = 'my number is oh one seven one double five three four five six seven thanks';
    const [entity] = redact(text).entities;
    expect(entity?.type).toBe('PHONE');
    expect(text.slice(entity!.start, entity!.end)).toBe('oh one seven one double five three four five six seven');
  });
});

describe('CREDIT_CARD', () => {
  it.each([
    ['card 4111 1111 1111 1111 exp 12/27', '4111 1111 1111 1111'],
    ['4111-1111-1111-1111', '4111-1111-1111-1111'],
    ['amex 3782 822463 10005', '3782 822463 10005'],
    ['pan=5555555555554444;', '5555555555554444'],
    ['dotted 4111.1111.1111.1111 here', '4111.1111.1111.1111'],
    ['single digits 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 end', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'],
    ['my card is four two four two four two four two four two four two four two four two', 'four two four two four two four two four two four two four two four two'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['CREDIT_CARD', expected]]);
  });
  it('finds a card next to other digits (window of whole groups)', () => {
    expect(findEntities('cards 7 4111 1111 1111 1111')).toContainEqual(['CREDIT_CARD', '4111 1111 1111 1111']);
  });
  it.each([
    'reference 4111 1111 1111 1112 rejected',
    'tracking 9400 1000 0000 0000 0000 00',
    'UPS 1Z999AA10123456784',
    'id 1234567812345678',
  ])('leaves %s alone', (text) => expectUntouched(text));
});

describe('IBAN', () => {
  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00, thanks', 'DE89 3704 0044 0532 0130 00'],
    ['to GB82WEST12345698765432.', 'GB82WEST12345698765432'],
    ['FR14 2004 1010 0505 0001 3M02 606 Merci', 'FR14 2004 1010 0505 0001 3M02 606'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['IBAN', expected]]);
  });
  it('rejects a wrong check digit', () => expectUntouched('IBAN DE88 3704 0044 0532 0130 00'));
});

describe('US_SSN', () => {
  it.each([
    ['SSN 123-45-6789', '123-45-6789'],
    ['social security number 123456789', '123456789'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['US_SSN', expected]]);
  });
  it.each(['SSN 000-12-3456', 'SSN 666-12-3456', 'SSN 912-12-3456', 'SSN 123-00-4567', 'SSN 123-45-0000', 'order 123456789'])('rejects %s', (text) =>
    expectUntouched(text),
  );
});

describe('IP_ADDRESS', () => {
  it.each([
    ['from 203.0.113.42 yesterday', '203.0.113.42'],
    ['client 2001:db8::8a2e:370:7334 failed', '2001:db8::8a2e:370:7334'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['IP_ADDRESS', expected]]);
  });
  it.each(['version 1.2.3.4.5', 'at 12:30:45 today', 'v2.14.3', 'value 999.1.1.1'])('leaves %s alone', (text) => expectUntouched(text));
});

describe('PERSON', () => {
  it.each([
    ['Hello, my name is Anna Schmidt and I need help', 'Anna Schmidt'],
    ["I'm Maria, I ordered a lamp", 'Maria'],
    ['Hi, this is Tom Becker from Acme', 'Tom Becker'],
    ['Thanks,\nAnna Schmidt', 'Anna Schmidt'],
    ['Dear Mr. Smith,\nyour order shipped', 'Smith'],
    ['Hi Maria,\nthanks for writing', 'Maria'],
    ['Sehr geehrte Frau Müller,', 'Müller'],
    ["Bonjour, je m'appelle Éloïse Lefèvre.", 'Éloïse Lefèvre'],
    ['Mit freundlichen Grüßen\nJürgen Weber', 'Jürgen Weber'],
    ['Name: João Silva', 'João Silva'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['PERSON', expected]]);
  });
  it.each([
    "I'm Sorry but it broke",
    'Hi team,\nthe app crashes',
    'Dear Support,\nplease help',
    'Thanks,\nThe Acme Team',
    'I live in Berlin and use Chrome',
    'This is Urgent, please reply',
  ])('leaves %s alone', (text) => expectUntouched(text));
});

describe('STREET_ADDRESS', () => {
  it.each([
    ['ship to 221B Baker Street, London NW1 6XE please', '221B Baker Street, London NW1 6XE'],
    ['Adresse: Hauptstraße 5, 10115 Berlin', 'Hauptstraße 5, 10115 Berlin'],
    ['Berliner Straße 12a', 'Berliner Straße 12a'],
    ['12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris'],
    ['Calle Mayor 10, 28013 Madrid', 'Calle Mayor 10, 28013 Madrid'],
    ['Via Roma, 12', 'Via Roma, 12'],
    ['Rua Augusta, 45', 'Rua Augusta, 45'],
    ['my zip code is 94105', '94105'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['STREET_ADDRESS', expected]]);
  });
  it.each(['I walked 3 blocks down the road', 'we shipped 5 items via Stripe', 'Room 244 on floor 3'])('leaves %s alone', (text) => expectUntouched(text));
});

describe('DATE_OF_BIRTH', () => {
  it.each([
    ['I was born on 12 March 1985.', '12 March 1985'],
    ['DOB: 1990-02-01', '1990-02-01'],
    ['geboren am 3. Mai 1979', '3. Mai 1979'],
    ['Date de naissance : 04/07/1962', '04/07/1962'],
    ['Fecha de nacimiento: 9 de mayo de 1991', '9 de mayo de 1991'],
  ])('finds %s', (text, expected) => {
    expect(findEntities(text)).toEqual([['DATE_OF_BIRTH', expected]]);
  });
  it.each(['delivered on 12/03/2024', 'Meeting on March 12, 2024', 'I was born in Spain. The order arrived 12/03/2024'])('leaves %s alone', (text) => expectUntouched(text));
});

describe('PASSPORT and NATIONAL_ID', () => {
  it.each([
    ['My passport number is C01X00T47.', 'PASSPORT', 'C01X00T47'],
    ['Reisepass-Nr. 533380006', 'PASSPORT', '533380006'],
    ['numéro de passeport : 12AB34567', 'PASSPORT', '12AB34567'],
    ['National Insurance number AB 12 34 56 C', 'NATIONAL_ID', 'AB 12 34 56 C'],
    ['DNI: 12345678Z', 'NATIONAL_ID', '12345678Z'],
    ['codice fiscale RSSMRA85T10A562S', 'NATIONAL_ID', 'RSSMRA85T10A562S'],
  ])('finds %s', (text, type, expected) => {
    expect(findEntities(text)).toEqual([[type, expected]]);
  });
  it.each(['serial AB1234567 on the box', 'order X1234567 shipped', 'pedido 12345678A enviado'])('leaves %s alone', (text) => expectUntouched(text));
});

describe('SECRET', () => {
  it.each([
    'sk-proj-Abcdefghijklmnopqrstuvwxyz012345',
    'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
    'gho_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx',
    'xoxp-123456789012-123456789012-abcdefghijklmnopqrstuvwx',
    'AKIAIOSFODNN7EXAMPLE',
    'AIzaSyA-1234567890abcdefghijklmnopqrstu',
    'glpat-abcdefghij0123456789',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'Zx8Kq2Lm9Pw4Rt7Yv1Bn3Hj6Q',
  ])('finds %s', (secret) => {
    expect(findEntities(`here: ${secret} ok`)).toEqual([['SECRET', secret]]);
  });
  it('finds a private key block', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc==\n-----END RSA PRIVATE KEY-----';
    expect(findEntities(`key:\n${key}\nthanks`)).toEqual([['SECRET', key]]);
  });
  it('finds a labelled password', () => {
    expect(findEntities('my password: hunter2!x')).toEqual([['SECRET', 'hunter2!x']]);
  });
  it.each([
    'widget key pk_live_51H8abcdefghijklmnopqrstuvwx',
    'request 123e4567-e89b-12d3-a456-426614174000 failed',
    'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 deployed',
    'file Screenshot_2024-03-12_at_14.22.05.png attached',
    'see /docs/getting-started/Installation2024Guide',
  ])('leaves %s alone', (text) => expectUntouched(text));
  it('flags a hex hash when the text calls it a token', () => {
    expect(findEntities('api token 9fceb02d0ae598e95dc970b74767f19372d61af8')).toHaveLength(1);
  });
});

describe('hard negatives in one message', () => {
  it('leaves a realistic order e-mail untouched', () => {
    expectUntouched(
      'Hi team,\n\norder #123456789 (ORD-2024-118833) with tracking 1Z999AA10123456784 and USPS 9400 1000 0000 0000 0000 00, ' +
        'invoice INV-2024-0042, SKU ABC-12345-BLK, total $1,299.99 / € 49,90, app v2.14.3 on version 10.0.19045, delivered on 12/03/2024, ' +
        'ref 4111 1111 1111 1112, at 2024-03-12T14:22:05Z, request 123e4567-e89b-12d3-a456-426614174000.\n\nThanks',
    );
  });
});

describe('context scoring', () => {
  it('negative context lowers a phone-like number below threshold', () => {
    expect(findEntities('call 0151 2345678')).toHaveLength(1);
    expect(findEntities('order 0151 2345678')).toEqual([]);
  });
  it('threshold is configurable', () => {
    expect(findEntities('0151234567', 0.3)).toEqual([['PHONE', '0151234567']]);
    expect(findEntities('0151234567')).toEqual([]);
  });
});
