import { type TDetection } from '../types';
import { alternation, type TRecognizer } from './recognizer';

/**
 * Names are only recognised where the text announces one: self-introductions, salutations,
 * sign-offs, titles and "Name:" fields. A capitalised word alone is never enough.
 */

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)?`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|di|del|della|la|le|du|dos|das|mc|zu)`;
const FULL_NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${NAME_WORD}){0,2}`;
/** An initial ("J. Smith") is allowed in sign-offs. */
const SIGNATURE_NAME = String.raw`(?:\p{Lu}\.[ \t]?)?${FULL_NAME}`;

const INTRODUCTIONS = alternation([
  'my name is', "my name's", 'name is', 'i am', "i'm", 'i’m',
  'mein name ist', 'ich heiße', 'ich heisse', 'hier ist', 'hier spricht',
  "je m'appelle", 'je m’appelle', 'je suis', 'mon nom est', 'ici',
  'me llamo', 'mi nombre es', 'soy', 'habla',
  'mi chiamo', 'il mio nome è', 'sono', 'parla',
  'o meu nome é', 'meu nome é', 'chamo-me', 'me chamo', 'sou', 'fala',
]);

const GREETINGS = alternation([
  'dear', 'hi', 'hello', 'hey', 'good morning', 'good afternoon', 'hallo', 'liebe', 'lieber', 'guten tag',
  'sehr geehrte', 'sehr geehrter', 'bonjour', 'salut', 'cher', 'chère', 'hola', 'estimado', 'estimada', 'querido',
  'querida', 'buenos días', 'ciao', 'salve', 'gentile', 'caro', 'cara', 'buongiorno', 'olá', 'ola', 'prezado',
  'prezada', 'caro', 'bom dia',
]);

const CLOSINGS = alternation([
  'thanks', 'thank you', 'thx', 'many thanks', 'thanks again', 'thanks in advance', 'best', 'best regards',
  'kind regards', 'warm regards', 'regards', 'cheers', 'sincerely', 'yours sincerely', 'yours truly', 'all the best',
  'best wishes', 'take care', 'viele grüße', 'viele grüsse', 'beste grüße', 'liebe grüße', 'mit freundlichen grüßen',
  'mit freundlichen grüssen', 'freundliche grüße', 'gruß', 'grüße', 'lg', 'vg', 'mfg', 'danke', 'vielen dank',
  'cordialement', 'bien à vous', 'bien cordialement', 'merci', 'merci beaucoup', 'amitiés', 'bonne journée',
  'saludos', 'un saludo', 'atentamente', 'saludos cordiales', 'gracias', 'muchas gracias', 'un abrazo',
  'cordiali saluti', 'saluti', 'distinti saluti', 'grazie', 'grazie mille', 'a presto',
  'atenciosamente', 'cumprimentos', 'obrigado', 'obrigada', 'abraços', 'melhores cumprimentos',
]);

const TITLES = String.raw`(?:Mr|Mrs|Ms|Mx|Dr|Prof|Herr|Frau|Monsieur|Madame|Mme|Mlle|M(?=\.)|Señor|Señora|Sr|Sra|Srta|Signor|Signora|Sig|Sig\.ra|Dott|Dott\.ssa|Senhor|Senhora|Sr\.ª)\.?`;

const NAME_LABELS = alternation(['name', 'full name', 'customer name', 'nom', 'nombre', 'nome', 'vorname', 'nachname', 'prénom', 'apellido', 'cognome']);

/** Capitalised words that follow "I'm", "Hi" or "this is" but are not names. */
const NOT_NAMES = new Set(
  (
    'sorry not just so very still trying looking having writing calling afraid glad happy unable here back new going really also ' +
    'interested confused frustrated getting using on in at from with the a an currently done fine ok okay good sure pretty quite ' +
    'totally logged based located english american german french spanish italian portuguese canadian british ' +
    'team support sir madam madam/sir customer customers all everyone everybody there again folks guys friends agent service sales ' +
    'billing admin staff colleagues kunde kundin kundendienst zusammen leute tous toutes équipe todos todas equipo tutti ' +
    'ragazzi equipe pessoal please thanks thank urgent about regarding re fw fwd hello hi dear best kind yes no monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december i we you he she they it my our your this that what which when where why how if and or but ' +
    'waiting contacting reaching following still experiencing having unsure aware wondering hoping planning about writing ' +
    'mr mrs ms mx dr prof herr frau monsieur madame mme mlle señor señora sr sra srta signor signora sig senhor senhora'
  ).split(' '),
);


type TPattern = { regex: RegExp; score: number };

const PATTERNS: TPattern[] = [
  // "my name is Anna Schmidt", "I'm Maria", "je m'appelle Julie"
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:${INTRODUCTIONS})[ \t]+(?<name>${FULL_NAME})`, 'gdu'),
    score: 0.85,
  },
  // "this is Tom from Acme": a brand could follow a bare "this is", so we want the "from/here/speaking"
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:${alternation(['this is', 'it is', "it's"])})[ \t]+(?<name>${FULL_NAME})(?=[ \t]*,?[ \t]+(?:from|here|speaking|calling|with|von|de|da|di)\b)`, 'gdu'),
    score: 0.8,
  },
  // "Dear Mr. Smith", "Sehr geehrte Frau Müller"
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:(?:${GREETINGS})[ \t]+)?${TITLES}[ \t]+(?<name>${FULL_NAME})`, 'gdu'),
    score: 0.8,
  },
  // "Hi Maria," at the start of a line or sentence
  {
    regex: new RegExp(String.raw`(?<=^|[\n.!?][ \t]*|^[ \t]*)(?:${GREETINGS})[ \t]+(?<name>${FULL_NAME})[ \t]*(?=[,!:\n]|$)`, 'gdmu'),
    score: 0.8,
  },
  // "Thanks,\nAnna Schmidt" — the name alone on the line after a sign-off
  {
    regex: new RegExp(String.raw`(?<=^|\n|[.!?][ \t]+)[ \t]*(?:${CLOSINGS})[ \t]*[,.!]*[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:[-–—~][ \t]*)?(?<name>${SIGNATURE_NAME})[ \t]*(?=\r?\n|$)`, 'gdu'),
    score: 0.85,
  },
  // "Thanks, Anna" at the end of a line
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:${CLOSINGS})[ \t]*,[ \t]*(?<name>${SIGNATURE_NAME})[ \t]*[.!]?[ \t]*(?=\r?\n|$)`, 'gdu'),
    score: 0.75,
  },
  // "Name: Anna Schmidt"
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:${NAME_LABELS})[ \t]*:[ \t]*(?<name>${FULL_NAME})`, 'gdu'),
    score: 0.85,
  },
];

export const personRecognizer: TRecognizer = {
  type: 'PERSON',
  detect(text) {
    const found: TDetection[] = [];
    for (const pattern of PATTERNS) {
      for (const m of text.matchAll(pattern.regex)) {
        const span = m.indices?.groups?.name;
        if (!span) continue;
        const trimmed = trimNonNames(text.slice(span[0], span[1]));
        if (!trimmed) continue;
        found.push({ type: 'PERSON', start: span[0], end: span[0] + trimmed.length, score: pattern.score });
      }
    }
    return found;
  },
};

/** Drops trailing words that are not names ("Anna Thanks") and rejects spans whose first word is not a name. */
function trimNonNames(candidate: string): string {
  const words = candidate.split(/([ \t]+)/);
  const first = words[0] ?? '';
  if (NOT_NAMES.has(first.toLowerCase())) return '';
  let kept = first;
  for (let i = 1; i + 1 < words.length; i += 2) {
    const word = words[i + 1] ?? '';
    if (NOT_NAMES.has(word.toLowerCase())) break;
    kept += (words[i] ?? '') + word;
  }
  return kept;
}
