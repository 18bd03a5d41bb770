/**
 * The second redaction workload: one long chat transcript (~1 MB), mostly benign small talk and support
 * prose, with the corpus templates mixed in at a realistic rate (≈3 % of turns carry PII, ≈7 % carry
 * order numbers, dates, versions and other hard negatives). Generated from a fixed seed at bench time,
 * so nothing large is committed; gold spans come from the same RecordBuilder as the corpus.
 */
import { createRandom, LANGUAGES, type TLanguage, type TRandom } from './fake-values';
import { NEGATIVE_TEMPLATES, POSITIVE_TEMPLATES, RecordBuilder, type TGoldEntity } from './templates';

const SEED = 20261127;

const PROSE: Record<TLanguage, readonly string[]> = {
  en: [
    'Thanks for getting back to me so quickly, I really appreciate it.',
    'I tried clearing the cache and logging in again but the page still shows the old plan.',
    'Could you check whether the refund has been processed on your side?',
    'No worries, take your time. I will keep the tab open.',
    'The app keeps asking me to update, but the store says there is nothing new.',
    'I understand. Let me look into that for you, it may take a few minutes.',
    'It happened again this morning when I tried to change the delivery address in the checkout.',
    'Is there a way to export my invoices as a single file instead of one by one?',
    'Great, that worked! The dashboard loads fine now and the reports are back.',
    'I have forwarded your question to our billing team; they usually answer within a day.',
    'Sorry for the confusion earlier, I meant the annual subscription, not the monthly one.',
    'Can you tell me what happens to my saved projects if I downgrade?',
    'The notification emails stopped arriving after the last update, even the weekly summary.',
    'Thank you for your patience while we investigated the issue with the integration.',
    'Please let me know if there is anything else I can help you with today.',
  ],
  de: [
    'Vielen Dank für die schnelle Antwort, das hilft mir sehr weiter.',
    'Ich habe den Browser neu gestartet, aber die Seite lädt immer noch nicht richtig.',
    'Können Sie bitte prüfen, ob die Rückerstattung schon veranlasst wurde?',
    'Kein Problem, ich warte gerne noch einen Moment.',
    'Seit dem letzten Update funktioniert der Export in die Tabelle nicht mehr.',
    'Ich verstehe, ich schaue mir das gleich genauer an.',
  ],
  fr: [
    'Merci beaucoup pour votre réponse rapide, c’est très gentil.',
    'J’ai essayé de vider le cache mais la page affiche toujours l’ancienne offre.',
    'Pouvez-vous vérifier si le remboursement a bien été effectué ?',
    'Pas de souci, je reste disponible si vous avez besoin de plus d’informations.',
    'L’application se ferme toute seule quand j’ouvre les paramètres.',
  ],
  es: [
    'Muchas gracias por la respuesta tan rápida, me ha sido de gran ayuda.',
    'He intentado cerrar sesión y volver a entrar, pero sigue sin funcionar.',
    '¿Podrían confirmar si el reembolso ya está en camino?',
    'Entiendo, voy a revisarlo con el equipo técnico y le escribo enseguida.',
  ],
  it: [
    'Grazie mille per la risposta veloce, siete stati molto gentili.',
    'Ho provato a reinstallare l’app ma il problema continua a presentarsi.',
    'Potete verificare se il rimborso è già stato elaborato?',
    'Capisco, controllo subito e le faccio sapere appena possibile.',
  ],
  pt: [
    'Muito obrigado pela resposta rápida, ajudou bastante.',
    'Já tentei limpar o cache mas a página continua igual.',
    'Vocês podem confirmar se o reembolso já foi processado?',
    'Entendo, vou verificar com a equipe e retorno em breve.',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

function turn(r: TRandom, b: RecordBuilder, minute: number): void {
  const speaker = r.chance(0.55) ? 'Customer' : 'Agent';
  b.t(`[${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}] ${speaker}: `);
  const lang = r.chance(0.6) ? 'en' : r.pick(LANGUAGES);
  const roll = r.next();
  if (roll < 0.03) r.pick(POSITIVE_TEMPLATES)(r, b, lang);
  else if (roll < 0.1) r.pick(NEGATIVE_TEMPLATES)(r, b, lang);
  else {
    const sentences = r.int(1, 3);
    for (let s = 0; s < sentences; s++) b.t(s > 0 ? ' ' : '', r.pick(PROSE[lang]));
  }
  b.t('\n');
}

export function generateTranscript(targetBytes = 1_000_000, seed = SEED): { text: string; entities: TGoldEntity[] } {
  const r = createRandom(seed);
  const b = new RecordBuilder();
  let minute = 0;
  // Byte length checked every 256 turns (measuring the growing string every turn would be quadratic).
  while (Buffer.byteLength(b.text, 'utf8') < targetBytes) {
    for (let i = 0; i < 256; i++) {
      turn(r, b, minute);
      minute += r.int(0, 2);
    }
  }
  return { text: b.text, entities: b.entities };
}
