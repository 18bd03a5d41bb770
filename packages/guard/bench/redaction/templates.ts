import {
  formatCard, formatIban, LANGUAGES, LAST_NAMES, makeCardDigits, makeEmail, makeHighEntropyToken, makeIban, makeIpv4, makeIpv6,
  makeItalianFiscalCode, makeLuhnInvalid16, makePassportNumber, makePersonName, makePhone, makePrivateKeyBlock,
  makeSecret, makeSpanishDni, makeSsn, makeUkNin, randomString, speakDigits, type TLanguage, type TRandom,
} from './fake-values';

export type TGoldEntity = { type: string; start: number; end: number };

/** Appends text and records gold spans as it goes, so offsets can't drift from the text. */
export class RecordBuilder {
  text = '';
  entities: TGoldEntity[] = [];
  t(...parts: string[]): this {
    this.text += parts.join('');
    return this;
  }
  e(type: string, value: string): this {
    this.entities.push({ type, start: this.text.length, end: this.text.length + value.length });
    this.text += value;
    return this;
  }
}

export type TTemplate = (r: TRandom, b: RecordBuilder, lang: TLanguage) => void;

const pickLang = (r: TRandom): TLanguage => r.pick(LANGUAGES);
const year = (r: TRandom) => r.int(1940, 2005);
const pad = (n: number) => String(n).padStart(2, '0');

// ---- shared fragments -------------------------------------------------------------------------

const GREETINGS: Record<TLanguage, readonly string[]> = {
  en: ['Hi', 'Hello', 'Dear', 'Hey'],
  de: ['Hallo', 'Liebe', 'Guten Tag'],
  fr: ['Bonjour', 'Salut'],
  es: ['Hola', 'Estimada'],
  it: ['Ciao', 'Buongiorno'],
  pt: ['Olá', 'Bom dia'],
};
const CLOSINGS: Record<TLanguage, readonly string[]> = {
  en: ['Thanks', 'Best regards', 'Kind regards', 'Cheers', 'Thank you'],
  de: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Beste Grüße', 'Danke'],
  fr: ['Cordialement', 'Merci', 'Bien à vous'],
  es: ['Saludos', 'Un saludo', 'Gracias', 'Atentamente'],
  it: ['Cordiali saluti', 'Grazie', 'Saluti'],
  pt: ['Atenciosamente', 'Obrigada', 'Cumprimentos'],
};
const INTRO: Record<TLanguage, readonly string[]> = {
  en: ['my name is ', "I'm ", 'My name is '],
  de: ['mein Name ist ', 'ich heiße '],
  fr: ["je m'appelle ", 'je suis '],
  es: ['me llamo ', 'mi nombre es ', 'soy '],
  it: ['mi chiamo ', 'sono '],
  pt: ['o meu nome é ', 'chamo-me ', 'sou '],
};
const PHONE_CUE: Record<TLanguage, readonly string[]> = {
  en: ['You can call me on ', 'My phone number is ', 'Reach me at ', 'mobile: '],
  de: ['Sie erreichen mich unter ', 'Meine Telefonnummer: ', 'Handy: '],
  fr: ['Mon numéro est le ', 'Vous pouvez m’appeler au ', 'Tél. : '],
  es: ['Mi teléfono es el ', 'Llámame al ', 'Móvil: '],
  it: ['Il mio numero è ', 'Potete chiamarmi al ', 'Cellulare: '],
  pt: ['O meu telemóvel é ', 'Podem ligar-me para o ', 'Telefone: '],
};
const EMAIL_CUE: Record<TLanguage, readonly string[]> = {
  en: ['my email is ', 'please reply to ', 'write to '],
  de: ['meine E-Mail ist ', 'bitte antworten Sie an '],
  fr: ['mon e-mail est ', 'répondez à '],
  es: ['mi correo es ', 'escribidme a '],
  it: ['la mia email è ', 'scrivetemi a '],
  pt: ['o meu email é ', 'respondam para '],
};

function addSignature(r: TRandom, b: RecordBuilder, lang: TLanguage): void {
  b.t('\n\n', r.pick(CLOSINGS[lang]), r.pick([',', '', '!']), '\n').e('PERSON', makePersonName(r, lang));
  if (r.chance(0.3)) b.t('\n', r.pick(['Customer since 2019', 'Sent from my phone', 'Acme GmbH', 'Head of Ops']));
}

function addGreeting(r: TRandom, b: RecordBuilder, lang: TLanguage, named: boolean): void {
  if (named) b.t(r.pick(GREETINGS[lang]), ' ').e('PERSON', makePersonName(r, lang, false)).t(',\n\n');
  else b.t(r.pick(['Hi team', 'Hello Support', 'Dear Sir or Madam', 'Hallo zusammen', 'Bonjour', 'Hola equipo', 'Ciao a tutti', 'Olá']), ',\n\n');
}

export function makeAddress(r: TRandom, lang: TLanguage): string {
  const n = r.int(1, 240);
  switch (lang) {
    case 'en':
      return r.pick([
        () => `${n} ${r.pick(['Baker', 'Maple', 'Oak', 'High', 'Elm', 'Sunset', 'King', 'Church'])} ${r.pick(['Street', 'St', 'Avenue', 'Road', 'Lane', 'Drive', 'Blvd'])}`,
        () => `${n} ${r.pick(['Maple', 'Oak', 'Cedar'])} ${r.pick(['Street', 'Avenue'])}, ${r.pick(['Springfield', 'Portland', 'Austin'])}, ${r.pick(['IL', 'OR', 'TX'])} ${r.digits(5)}`,
        () => `${n} ${r.pick(['Church', 'Station', 'Mill'])} Road, ${r.pick(['London', 'Leeds', 'Bristol'])} ${r.pick(['SW1A 1AA', 'LS1 4AP', 'BS8 1TH'])}`,
      ])();
    case 'de':
      return r.pick([
        () => `${r.pick(['Haupt', 'Bahnhof', 'Linden', 'Schiller', 'Goethe', 'Berg'])}${r.pick(['straße', 'strasse', 'weg', 'allee', 'platz'])} ${n}${r.chance(0.2) ? 'a' : ''}`,
        () => `${r.pick(['Berliner', 'Münchner', 'Kölner'])} Straße ${n}, ${r.digits(5)} ${r.pick(['Berlin', 'Hamburg', 'Köln', 'Leipzig'])}`,
        () => `${r.pick(['Schiller', 'Garten'])}str. ${n}, ${r.digits(5)} ${r.pick(['Dresden', 'Bonn'])}`,
      ])();
    case 'fr':
      return `${n}${r.chance(0.1) ? ' bis' : ''} ${r.pick(['rue', 'avenue', 'boulevard', 'place'])} ${r.pick(['de la Paix', 'Victor Hugo', 'des Lilas', 'du Général Leclerc', 'Saint-Michel'])}${r.chance(0.6) ? `, ${r.digits(5)} ${r.pick(['Paris', 'Lyon', 'Marseille', 'Nantes'])}` : ''}`;
    case 'es':
      return `${r.pick(['Calle', 'Avenida', 'Paseo', 'Plaza'])} ${r.pick(['Mayor', 'de Alcalá', 'del Prado', 'Gran Vía', 'de la Castellana'])}${r.chance(0.4) ? ',' : ''} ${n}${r.chance(0.6) ? `, ${r.digits(5)} ${r.pick(['Madrid', 'Sevilla', 'Valencia'])}` : ''}`;
    case 'it':
      return `${r.pick(['Via', 'Viale', 'Piazza', 'Corso'])} ${r.pick(['Roma', 'Garibaldi', 'Dante', 'Vittorio Emanuele', 'della Repubblica'])}${r.chance(0.6) ? ',' : ''} ${n}${r.chance(0.5) ? `, ${r.digits(5)} ${r.pick(['Milano', 'Torino', 'Bologna'])}` : ''}`;
    case 'pt':
      return `${r.pick(['Rua', 'Avenida', 'Travessa', 'Praça'])} ${r.pick(['Augusta', 'da Liberdade', 'do Carmo', 'de Santa Catarina'])}${r.chance(0.6) ? ',' : ''} ${n}${r.chance(0.5) ? `, ${r.digits(4)}-${r.digits(3)} ${r.pick(['Lisboa', 'Porto', 'Braga'])}` : ''}`;
  }
}

function makeBirthDate(r: TRandom, lang: TLanguage): string {
  const d = r.int(1, 28);
  const m = r.int(1, 12);
  const y = year(r);
  const months: Record<TLanguage, string[]> = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  };
  const month = months[lang][m - 1] as string;
  return r.pick([
    () => `${pad(d)}/${pad(m)}/${y}`,
    () => `${pad(d)}.${pad(m)}.${y}`,
    () => `${y}-${pad(m)}-${pad(d)}`,
    () => (lang === 'en' ? `${month} ${d}, ${y}` : lang === 'de' ? `${d}. ${month} ${y}` : lang === 'es' || lang === 'pt' ? `${d} de ${month} de ${y}` : `${d} ${month} ${y}`),
  ])();
}

// ---- positive templates -----------------------------------------------------------------------

export const POSITIVE_TEMPLATES: TTemplate[] = [
  // self-introduction with email and phone
  (r, b, lang) => {
    addGreeting(r, b, lang, false);
    b.t(lang === 'en' ? 'Hello, ' : '', r.pick(INTRO[lang])).e('PERSON', makePersonName(r, lang)).t('. ');
    b.t(r.pick(EMAIL_CUE[lang])).e('EMAIL', makeEmail(r, lang)).t('. ');
    if (r.chance(0.7)) b.t(r.pick(PHONE_CUE[lang])).e('PHONE', makePhone(r, lang)).t('.');
  },
  // card problem
  (r, b) => {
    const spoken = r.chance(0.25);
    const digits = makeCardDigits(r);
    b.t(r.pick(['My payment failed again. ', 'I was charged twice. ', 'Please update my billing. ', 'Customer: ']));
    b.t(r.pick(['The card is ', 'my card number is ', 'Card: ', 'I used ', 'card ', 'my card is ']));
    b.e('CREDIT_CARD', spoken ? speakDigits(r, digits) : formatCard(r, digits));
    b.t(r.pick([` exp ${pad(r.int(1, 12))}/${r.int(25, 31)}`, '.', ' and it was declined.', ', can you check?', '']));
    if (r.chance(0.4)) b.t(` Order #${r.digits(9)}.`);
  },
  // card, multilingual
  (r, b, lang) => {
    const cue = { en: 'Card number', de: 'Kartennummer', fr: 'Numéro de carte', es: 'Número de tarjeta', it: 'Numero della carta', pt: 'Número do cartão' }[lang];
    b.t(`${cue}: `).e('CREDIT_CARD', formatCard(r, makeCardDigits(r))).t(r.pick(['', `, Rechnung INV-2024-${r.digits(4)}`, ` (ref ${r.digits(8)})`]));
  },
  // IBAN refund
  (r, b, lang) => {
    const cue = { en: 'Please refund to my account IBAN ', de: 'Bitte erstatten Sie den Betrag auf mein Konto: ', fr: 'Merci de rembourser sur mon IBAN ', es: 'Devolución a mi cuenta ', it: 'Rimborso sul conto IBAN ', pt: 'Reembolso para o IBAN ' }[lang];
    b.t(cue).e('IBAN', formatIban(r, makeIban(r))).t(r.pick(['.', ` for invoice INV-2024-${r.digits(4)}.`, ` (€ ${r.int(10, 400)},${r.digits(2)})`, '']));
    if (r.chance(0.3)) addSignature(r, b, lang);
  },
  // SSN
  (r, b) => {
    b.t(r.pick(['For the W-9 my SSN is ', 'SSN: ', 'social security number ', 'My social is ']));
    const ssn = makeSsn(r);
    b.e('US_SSN', r.chance(0.2) ? ssn.replace(/-/g, r.pick(['', ' '])) : ssn).t(r.pick(['.', ', thanks', '']));
  },
  // IP addresses in a technical ticket
  (r, b) => {
    b.t(r.pick(['Login blocked from ', 'Our server at ', 'Requests from IP ', 'Whitelist ']));
    b.e('IP_ADDRESS', r.chance(0.7) ? makeIpv4(r) : makeIpv6(r));
    b.t(r.pick([` since v${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)}`, ' fail with 403.', ` at 2024-03-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:00Z`, '.']));
  },
  // email with salutation and signature
  (r, b, lang) => {
    addGreeting(r, b, lang, true);
    b.t(r.pick(['I still have not received my refund for order #', 'Bestellung ', 'Commande n° ', 'Pedido ', 'Ordine ', 'Encomenda ']), r.digits(8), '. ');
    b.t(r.pick(['Please call me back: ', 'Tel: ', 'Tél : ', 'Tel.: '])).e('PHONE', makePhone(r, lang));
    addSignature(r, b, lang);
  },
  // address change
  (r, b, lang) => {
    const cue = { en: 'Please ship to my new address: ', de: 'Neue Lieferadresse: ', fr: 'Ma nouvelle adresse : ', es: 'Mi nueva dirección es ', it: 'Il mio nuovo indirizzo è ', pt: 'A minha nova morada é ' }[lang];
    b.t(cue).e('STREET_ADDRESS', makeAddress(r, lang)).t(r.pick(['.', '. Thanks!', ` (order ORD-2024-${r.digits(6)})`, '']));
  },
  // date of birth
  (r, b, lang) => {
    const cue = {
      en: ['I was born on ', 'DOB: ', 'Date of birth: ', 'my birthday is '],
      de: ['Ich bin am ', 'Geburtsdatum: ', 'geboren am '],
      fr: ['Je suis né le ', 'Date de naissance : ', 'née le '],
      es: ['Nací el ', 'Fecha de nacimiento: '],
      it: ['Sono nato il ', 'Data di nascita: '],
      pt: ['Nasci a ', 'Data de nascimento: '],
    }[lang];
    const chosen = r.pick(cue);
    b.t(r.pick(['For verification: ', '', 'Security check – '])).t(chosen).e('DATE_OF_BIRTH', makeBirthDate(r, lang));
    // German puts the participle last: "Ich bin am 3. Mai 1979 geboren."
    if (chosen === 'Ich bin am ') b.t(' geboren.');
    if (r.chance(0.4)) b.t(` My order was delivered on ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024.`);
  },
  // passport
  (r, b, lang) => {
    const cue = { en: 'My passport number is ', de: 'Reisepass-Nr. ', fr: 'Numéro de passeport : ', es: 'Mi pasaporte: ', it: 'Numero di passaporto ', pt: 'Passaporte n.º ' }[lang];
    b.t(r.pick(['Booking check-in. ', '', 'Identity check: '])).t(cue).e('PASSPORT', makePassportNumber(r)).t('.');
  },
  // national ids
  (r, b) => {
    r.pick<() => void>([
      () => b.t('My National Insurance number is ').e('NATIONAL_ID', makeUkNin(r)).t('.'),
      () => b.t('DNI: ').e('NATIONAL_ID', makeSpanishDni(r)).t(r.pick(['', ', gracias.'])),
      () => b.t('Il mio codice fiscale è ').e('NATIONAL_ID', makeItalianFiscalCode(r)).t('.'),
      () => b.t('Personalausweisnummer ').e('NATIONAL_ID', `L${randomString(r, 2, 'CFGHJKLMNPRTVWXYZ')}${r.digits(6)}`).t(' – bitte prüfen.'),
      () => b.t('national id: ').e('NATIONAL_ID', r.digits(10)).t(''),
    ])();
  },
  // leaked secret in a developer ticket
  (r, b) => {
    b.t(r.pick(['Our integration fails, here is the config: API_KEY=', 'Using key ', 'Authorization: Bearer ', 'token: ', 'I pasted ']));
    b.e('SECRET', makeSecret(r)).t(r.pick([' – is it valid?', '.', ` with widget key pk_live_${randomString(r, 24)}.`, ` on v${r.int(1, 3)}.${r.int(0, 9)}.${r.int(0, 9)}`]));
  },
  (r, b) => {
    b.t('Here is the key we use for SFTP:\n').e('SECRET', makePrivateKeyBlock(r)).t('\nCan you help?');
  },
  (r, b) => {
    b.t(r.pick(['The webhook secret is ', 'client secret: ', 'our token is '])).e('SECRET', makeHighEntropyToken(r)).t(r.pick(['.', '', ' (rotated yesterday)']));
  },
  // chat transcript
  (r, b, lang) => {
    const name = makePersonName(r, lang, true);
    b.t('Agent: Thanks for contacting us, may I have your name?\nCustomer: ').t(r.pick(['My name is ', "I'm ", 'It’s ', 'Sure, my name is '])).e('PERSON', name).t('\n');
    b.t('Agent: And the email on the account?\nCustomer: ').e('EMAIL', makeEmail(r, lang)).t('\n');
    b.t(`Agent: I see order ORD-2024-${r.digits(6)} shipped with tracking 1Z${randomString(r, 6, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}${r.digits(10)}.\n`);
    if (r.chance(0.5)) b.t('Customer: Great, call me at ').e('PHONE', makePhone(r, lang)).t(' if anything changes.');
  },
  // spoken phone number in a call transcript
  (r, b) => {
    const digits = `0${r.int(1, 9)}${r.digits(9)}`;
    b.t(r.pick(['[call transcript] caller: yeah my number is ', 'caller: you can reach me on ', 'customer: phone number, ']));
    b.e('PHONE', speakDigits(r, digits)).t(r.pick([' thanks', '.', ' okay', '']));
  },
  // mixed message: several entity types plus hard negatives
  (r, b, lang) => {
    b.t(`Ticket #${r.digits(5)} `, r.pick(['customer wrote: ', 'reports: ']), '"my email ').e('EMAIL', makeEmail(r, lang));
    b.t(`, invoice INV-2024-${r.digits(4)} of $${r.int(1, 9)},${r.digits(3)}.${r.digits(2)} was charged to card `);
    b.e('CREDIT_CARD', formatCard(r, makeCardDigits(r))).t(` on ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024"`);
  },
  // name with a title
  (r, b, lang) => {
    const title = { en: r.pick(['Mr.', 'Mrs.', 'Ms.', 'Dr.']), de: r.pick(['Herr', 'Frau']), fr: r.pick(['M.', 'Mme']), es: r.pick(['Sr.', 'Sra.']), it: r.pick(['Sig.', 'Signora']), pt: r.pick(['Sr.', 'Senhora']) }[lang];
    const opener = { en: 'Dear', de: 'Sehr geehrte', fr: 'Bonjour', es: 'Estimado', it: 'Gentile', pt: 'Prezado' }[lang];
    b.t(opener, ' ', title, ' ').e('PERSON', r.pick(LAST_NAMES[lang])).t(',\n\n');
    b.t(r.pick(['your refund has been processed.', 'thank you for your patience.', 'wir haben Ihre Anfrage erhalten.', 'votre colis est en route.']));
  },
  // a name nobody announces: realistic miss for context-based detectors
  (r, b, lang) => {
    b.t('Please forward this to ').e('PERSON', makePersonName(r, lang, true)).t(' in accounting, they handle invoice INV-2024-', r.digits(4), '.');
  },
];

// ---- negative-only templates ------------------------------------------------------------------

export const NEGATIVE_TEMPLATES: TTemplate[] = [
  (r, b) => b.t(`Where is my order #${r.digits(9)}? It was supposed to arrive on ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024.`),
  (r, b) => b.t(`Order ORD-2024-${r.digits(6)} shows "processing" since ${r.int(2, 9)} days.`),
  (r, b) => b.t(`Tracking 1Z${randomString(r, 6, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}${r.digits(10)} hasn't updated. Carrier: UPS.`),
  (r, b) => b.t(`USPS tracking 9400 ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)} says delivered but nothing here.`),
  (r, b) => b.t(`Invoice INV-2024-${r.digits(4)} lists SKU ${randomString(r, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-${r.digits(5)}-${r.pick(['BLK', 'WHT', 'XL'])} twice.`),
  (r, b) => b.t(`The price went from $${r.int(1, 2)},${r.digits(3)}.99 to $${r.int(1, 2)},${r.digits(3)}.49 overnight, and shipping is € ${r.int(5, 60)},${r.digits(2)}.`),
  (r, b) => b.t(`After updating to v${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)} the app crashes on Windows version 10.0.${r.digits(5)}.`),
  (r, b) => b.t(`It was delivered on ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024 but the box was empty. Return label created ${r.int(2020, 2024)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}.`),
  (r, b) => b.t(`Reference number ${makeLuhnInvalid16(r).replace(/(.{4})/g, '$1 ').trim()} was rejected by the portal.`),
  (r, b) => b.t(`Payment ref ${makeLuhnInvalid16(r)} — amount ${r.int(10, 999)}.${r.digits(2)} USD.`),
  (r, b) => b.t(`Logs: ${r.int(2023, 2024)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.${r.digits(3)}Z request_id=${uuid(r)} status=500 duration=${r.int(10, 900)}ms`),
  (r, b) => b.t(`Deployed commit ${randomString(r, 40, '0123456789abcdef')} to staging; build ${r.int(1000, 9999)} passed.`),
  (r, b) => b.t(`Our widget uses the publishable key pk_live_${randomString(r, 24)} on the pricing page.`),
  (r, b) => b.t(`Hi team,\n\nI'm ${r.pick(['having trouble', 'unable to log in', 'still waiting', 'sorry to bother you again'])}. Case ${r.digits(6)} was closed without reply.\n\nThanks,\nThe ${r.pick(['Acme', 'Globex', 'Initech'])} Team`),
  (r, b) => b.t(`Hallo zusammen, meine Bestellung ${r.digits(8)} vom ${pad(r.int(1, 28))}.${pad(r.int(1, 12))}.2024 ist noch nicht da. Sendungsnummer ${r.digits(14)}. Viele Grüße`),
  (r, b) => b.t(`Bonjour, la commande n° ${r.digits(9)} du ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024 est en retard. Prix : ${r.int(10, 300)},${r.digits(2)} €. Merci.`),
  (r, b) => b.t(`Hola, el pedido ${r.digits(10)} llegó roto. Factura FAC-${r.int(2023, 2024)}-${r.digits(5)}, total ${r.int(10, 300)},${r.digits(2)} €.`),
  (r, b) => b.t(`Ciao, l'ordine n. ${r.digits(8)} risulta consegnato il ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/2024 ma non l'ho ricevuto.`),
  (r, b) => b.t(`Olá, a encomenda ${r.digits(9)} (fatura FT ${r.int(2023, 2024)}/${r.digits(4)}) ainda não chegou.`),
  (r, b) => b.t(`Error code 0x${randomString(r, 8, '0123456789ABCDEF')} at line ${r.int(10, 999)}; stack trace attached. Node ${r.int(16, 22)}.${r.int(0, 19)}.${r.int(0, 9)}.`),
  (r, b) => b.t(`Meeting moved to ${pad(r.int(8, 17))}:${r.pick(['00', '30'])} on ${r.pick(['Monday', 'Tuesday', 'Friday'])}, ${r.pick(['March', 'April', 'June'])} ${r.int(1, 28)}, 2024. Room ${r.int(100, 450)}.`),
  (r, b) => b.t(`Dear Support,\n\nthe discount code SPRING${r.int(10, 50)} gives only ${r.int(5, 30)}% off instead of ${r.int(31, 50)}%. Order total: ${r.int(50, 900)}.${r.digits(2)}.\n\nBest regards`),
  (r, b) => b.t(`Please cancel subscription SUB-${r.digits(8)} effective ${r.pick(['end of month', 'immediately'])}. Account ID ${r.digits(7)}.`),
  (r, b) => b.t(`The model number is ${randomString(r, 2, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-${r.digits(4)}${randomString(r, 1, 'ABCDEFGH')} and serial ${randomString(r, 4, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${r.digits(8)}.`),
  (r, b) => b.t(`I'm ${r.pick(['Sorry', 'Just', 'Still', 'Not'])} sure the ${r.pick(['Premium', 'Business', 'Starter'])} plan covers ${r.int(2, 50)} seats. Quote Q-${r.digits(6)}.`),
  (r, b) => b.t(`Phone support hours: Mon–Fri 9:00–17:00 CET. Reference ${r.digits(3)}-${r.digits(3)}-${r.digits(3)}.`),
  (r, b) => b.t(`Parcel weight ${r.int(1, 30)}.${r.digits(1)} kg, dimensions ${r.int(10, 90)}x${r.int(10, 90)}x${r.int(10, 90)} cm, batch ${r.int(2024001, 2024365)}.`),
  (r, b) => b.t(`Hello Support,\nI'm using Chrome ${r.int(100, 125)}.0.${r.digits(4)}.${r.digits(2)} on macOS 14.${r.int(0, 5)}. The checkout button does nothing.`),
  (r, b) => b.t(`Transaction ${uuid(r)} failed at ${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))} UTC; retry scheduled.`),
  (r, b) => b.t(`Gift card balance: $${r.int(5, 200)}.00. Card ID GC-${r.digits(4)}-${r.digits(4)}.`),
  (r, b) => b.t(`We shipped ${r.int(2, 12)} items in ${r.int(2, 4)} parcels on ${r.int(1, 28)} ${r.pick(['March', 'April', 'mars', 'März'])} 2024; ETA ${r.int(2, 5)} days.`),
];

function uuid(r: TRandom): string {
  const hex = '0123456789abcdef';
  return `${randomString(r, 8, hex)}-${randomString(r, 4, hex)}-4${randomString(r, 3, hex)}-a${randomString(r, 3, hex)}-${randomString(r, 12, hex)}`;
}

export { pickLang };
