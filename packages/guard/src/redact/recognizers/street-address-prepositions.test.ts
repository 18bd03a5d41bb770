import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';

const streets = (text: string): string[] =>
  detectEntities(text, planDetection({}))
    .filter((d) => d.type === 'STREET_ADDRESS')
    .map((d) => text.slice(d.start, d.end));

describe('STREET_ADDRESS after a German preposition', () => {
  it.each([
    ['Lieferadresse: Am Mühlbach 7, 83022 Rosenheim, bitte klingeln.', 'Am Mühlbach 7, 83022 Rosenheim'],
    ['Neue Anschrift Im Winkel 3a, 50667 Köln.', 'Im Winkel 3a, 50667 Köln'],
    ['Wir wohnen jetzt An der Alster 12, 20099 Hamburg.', 'An der Alster 12, 20099 Hamburg'],
  ])('finds the address in %j', (text, expected) => {
    expect(streets(text)).toEqual([expected]);
  });

  it.each([
    'Am Montag 12 Uhr, Auftrag 50667 Köln-Lager.',
    'Im Jahr 2024 haben wir 12345 Bestellungen.',
    'Am Stadtpark 2 ist das Café geschlossen.',
    'I am Paul 12, 50667 users are waiting.',
  ])('leaves %j without an address', (text) => {
    expect(streets(text)).toEqual([]);
  });
});
