import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';
import { isCpfValid, isNirValid, isPortugueseNifValid } from '../validators';
import { nationalIdFormatsRecognizer } from './national-id-formats';

const found = (text: string): string[] =>
  detectEntities(text, planDetection({})).map((d) => `${d.type}:${text.slice(d.start, d.end)}`);

describe('national id formats', () => {
  it('checks the CPF, NIR and NIF check digits', () => {
    expect(isCpfValid('529.982.247-25')).toBe(true);
    expect(isCpfValid('529.982.247-26')).toBe(false);
    expect(isCpfValid('111.111.111-11')).toBe(false);
    expect(isNirValid('2 84 05 75 123 456 72')).toBe(true);
    expect(isNirValid('2 84 05 75 123 456 73')).toBe(false);
    expect(isPortugueseNifValid('234567899')).toBe(true);
    expect(isPortugueseNifValid('234567890')).toBe(false);
    // A NIF word before a number whose check digit fails: not this recogniser's (the generic id tokens may take it).
    expect(nationalIdFormatsRecognizer.detect('NIF 234567890')).toEqual([]);
  });

  it.each([
    ['Segue o meu CPF 529.982.247-25 para a nota fiscal.', 'NATIONAL_ID:529.982.247-25'],
    ['cpf: 12345678909', 'NATIONAL_ID:12345678909'],
    ['Mon numéro de sécurité sociale est 2 84 05 75 123 456 72.', 'NATIONAL_ID:2 84 05 75 123 456 72'],
    ['Meine Steuer-ID lautet 47 036 892 816.', 'NATIONAL_ID:47 036 892 816'],
    ['Sozialversicherungsnummer: 12 150385 M 017', 'NATIONAL_ID:12 150385 M 017'],
    ['Personalausweis T22000129 liegt vor.', 'NATIONAL_ID:T22000129'],
    ["Ma carte d'identité : Y7KP3M2Q8", 'NATIONAL_ID:Y7KP3M2Q8'],
    ["Numero carta d'identità CB12345XY", 'NATIONAL_ID:CB12345XY'],
    ['O meu NIF é 234567899.', 'NATIONAL_ID:234567899'],
    ['Cartão de Cidadão 12345678 9 ZZ4', 'NATIONAL_ID:12345678 9 ZZ4'],
    ['Mi número de la Seguridad Social es 08 12345678 90', 'NATIONAL_ID:08 12345678 90'],
    ['PAN card: ABCPE1234F', 'NATIONAL_ID:ABCPE1234F'],
  ])('finds the id in %j', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('takes an id after a passport number as the id, not a second passport', () => {
    expect(found('Passeport 12AB34567, n° de sécu 2 84 05 75 123 456 72')).toContain('NATIONAL_ID:2 84 05 75 123 456 72');
    expect(found('Passaporte CA123456, NIF 501234560')).toEqual(['PASSPORT:CA123456', 'NATIONAL_ID:501234560']);
  });

  it.each([
    // Right shapes without the id word, or with a failing check digit.
    'Order 529.982.247-26 shipped.',
    'Tracking 12345678909 is stuck.',
    'Invoice 2 84 05 75 123 456 73 attached.',
    'Rechnung 47 036 892 816 ist bezahlt.',
    'Artikel T22000129 ist ausverkauft.',
    'Commande Y7KP3M2Q8 annulée.',
    'Codice prodotto CB12345XY esaurito.',
    'O pedido 234567899 foi enviado.',
    'Referência 12345678 9 ZZ4 da encomenda.',
    'Pedido 08 12345678 90 enviado.',
    'Product code ABCPE1234F is out of stock.',
  ])('leaves %j without a national id', (text) => {
    expect(found(text).filter((f) => f.startsWith('NATIONAL_ID'))).toEqual([]);
  });
});
