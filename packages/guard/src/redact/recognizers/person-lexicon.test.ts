import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';
import { scanText, VOCAB } from '../prefilter';
import { personLexiconRecognizer } from './person-lexicon';

const names = (text: string): string[] =>
  detectEntities(text, planDetection({}))
    .filter((d) => d.type === 'PERSON')
    .map((d) => text.slice(d.start, d.end));

describe('PERSON by given-name lexicon', () => {
  it.each([
    ['Agent note: client Harriet Gallagher rang about the late parcel.', ['Harriet Gallagher']],
    ['Forwarded on behalf of Gustavo Reyes-Lima, see below.', ['Gustavo Reyes-Lima']],
    ['Order 5512 goes to Siobhan O’Connell, second floor.', ['Siobhan O’Connell']],
    ['Per Noémie Carpentier la facture est fausse.', ['Noémie Carpentier']],
    ['Pierre-Yves asked me to chase this.', ['Pierre-Yves']],
    ['Tobias Krämer hat angerufen und bittet um Rückruf.', ['Tobias Krämer']],
    ['thanks a lot!\nKwame', ['Kwame']],
    ['Sorry — Ingrid again. Any news?', ['Ingrid']],
    ['Our accountant Fergus McAllister will send the forms.', ['Fergus McAllister']],
    ['Please pass this to Grace Okafor in billing.', ['Grace Okafor']],
    ['The parcel was signed for by Will Turner yesterday.', ['Will Turner']],
  ])('finds the name in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['Refund for card holder — Cardholder: Okoro Nwankwo, thanks', ['Okoro Nwankwo']],
    ['Titular: Xoán Ferreiro Pazos', ['Xoán Ferreiro Pazos']],
    ['Kontoinhaber: Zoltán Havas', ['Zoltán Havas']],
    ['conto intestato a Ottavio Lanza per favore', ['Ottavio Lanza']],
    ['Please call my husband Desmond if I am out.', ['Desmond']],
    ['Mi hermana Itziar Goikoetxea tiene la cuenta.', ['Itziar Goikoetxea']],
    ['Meine Tochter Wiebke bestellt für mich.', ['Wiebke']],
  ])('finds the name after a label or a relative in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['the name on the account is harriet gallagher.', ['harriet gallagher']],
    ['hello its kevin again, still no refund', ['kevin']],
    ['I AM WRITING AGAIN. MY NAME IS HAROLD BRENNAN AND NOBODY ANSWERS', ['HAROLD BRENNAN']],
    ["i'm lucia, the order is 4471", ['lucia']],
  ])('finds a lower- or upper-case name after a naming cue in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    // Places and streets named after people.
    'The parcel went to 12 Via Giuseppe Verdi, Milano.',
    'Livraison au 4 boulevard Victor Hugo, Nice.',
    'Entrega na Rua de Santa Catarina, Porto.',
    'We shipped it to St. Louis last week.',
    'The sofa "Saint-Germain" arrived broken.',
    'Meet me at Charlotte Street station.',
    'I stayed at the Stanley Hotel, room 12.',
    'Invoice from Morgan Ltd is attached.',
    // Months, weekdays and common words that are also names, sentence-initial capitals, brands.
    'May I get a refund? Will you call me on Monday?',
    'Mark the ticket as urgent. Grace period ends in June.',
    'Bill me monthly, please. Page 3 of the manual is blank.',
    'Can the order be split? Rosa is the colour I ordered.',
    'Alexa stopped working after the update, Siri too.',
    'Jan 5 was the delivery date; Austin warehouse shipped it.',
    // Names in lower case without a naming cue, in handles and addresses.
    'my cousin said kevin told him the app works',
    'write to kevin.smith@example.com or @Kevin_dev on the forum',
    'see /home/Sophie/logs for details',
    // Words that are names in one language and ordinary words in another; shops and addresses after cues.
    'Ella dice que su hermana no recibió nada.',
    'Lee las instrucciones antes de escribir.',
    "Nell'app il pulsante non compare.",
    'Seit der Hochzeit heiße ich anders, bitte ändern.',
    'Bestellt bei der Boulangerie Martin, Lieferung fehlt.',
    'Estarei em casa do meu pai, Rua Nova 12, amanhã.',
    // Names that are words, only with a surname and not at a sentence start; shops named after people.
    'Grace period ends soon. Will Support reply? May Day sale!',
    'We order flowers from Daisy Florist every week.',
    'The office in North Carolina is closed.',
    // Labels followed by ordinary words.
    'Caller: Sure, I can hold. Caller: Yes please.',
    'Dear Customer, hi Support team, my wife is away.',
  ])('leaves %j without a lexicon name', (text) => {
    expect(personLexiconRecognizer.detect(text).map((d) => text.slice(d.start, d.end))).toEqual([]);
  });

  it('opens its gate on a capitalised known name, a label, a relative or a naming cue, and not on ordinary text', () => {
    const gate = (text: string): boolean => personLexiconRecognizer.mayMatch!(scanText(text), 0.5, text);
    expect(gate('thanks, Isla')).toBe(true);
    expect(gate('ISLA called')).toBe(true);
    expect(gate('Cardholder: X Y')).toBe(true);
    expect(gate('my wife Wiebke')).toBe(true);
    expect(gate("i'm lucia")).toBe(true);
    expect(gate('the parcel is late again, please refund the order')).toBe(false);
    expect(gate('may i have a refund? we will call you in june')).toBe(false);
    expect(gate('isla is a word here but not capitalised')).toBe(false);
    expect(scanText('Isla').vocab & VOCAB.GIVEN_NAME).toBe(0);
  });
});
