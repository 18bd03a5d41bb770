import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';

const births = (text: string): string[] =>
  detectEntities(text, planDetection({}))
    .filter((d) => d.type === 'DATE_OF_BIRTH')
    .map((d) => text.slice(d.start, d.end));

describe('DATE_OF_BIRTH in words', () => {
  it.each([
    ['Agent: date of birth please? Caller: the ninth of March, nineteen sixty-two.', 'the ninth of March, nineteen sixty-two'],
    ['Geburtsdatum: zwölfter Mai neunzehnhundertneunzig', 'zwölfter Mai neunzehnhundertneunzig'],
    ['Je suis née le trois mars mille neuf cent soixante-dix, merci.', 'le trois mars mille neuf cent soixante-dix'],
    ['Nací el dos de enero de mil novecientos ochenta y uno.', 'el dos de enero de mil novecientos ochenta y uno'],
    ['Sono nato il nove maggio millenovecentosettantasei', 'il nove maggio millenovecentosettantasei'],
    ['Nasci a vinte de julho de mil novecentos e noventa e dois e moro em Braga.', 'a vinte de julho de mil novecentos e noventa e dois'],
  ])('finds the date in %j', (text, expected) => {
    expect(births(text)).toEqual([expected]);
  });

  it.each([
    'The store opened on the fourth of July, nineteen ninety-six.',
    'Le contrat commence le douze juillet deux mille vingt-quatre.',
    'My son was born in spring, as I said. Later we all moved to the coast on the first of May, nineteen eighty.',
  ])('leaves %j without a birth date', (text) => {
    // The last one has a birth word, but more than ten tokens before the month.
    expect(births(text)).toEqual([]);
  });
});
