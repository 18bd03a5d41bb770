/**
 * Keywords of the default "always human" topics in English, German, French and Spanish.
 * Matching runs on the redacted message, folded to lower case without accents, on word
 * starts: "refunded", "Rückerstattung", "remboursement" and "reembolsar" all count.
 */
const TOPIC_KEYWORDS: Record<string, RegExp[]> = {
  refunds: [
    /\brefund/, /\bmoney back\b/, /\breimburs/, /\bchargeback/, /\bcharge ?back/,
    /\bruckerstatt/, /\berstatt/, /\bgeld zuruck\b/, /\bruckzahlung/,
    /\brembours/,
    /\breembols/, /\bdevolucion del dinero\b/, /\bdevolver (?:el|mi) dinero\b/,
  ],
  legal: [
    /\blegal\b/, /\blawyer/, /\battorney/, /\blawsuit/, /\bsue\b/, /\bsuing\b/, /\bcourt\b/, /\blitigation/,
    /\banwalt/, /\brechtsanwalt/, /\bklage\b/, /\bverklagen/, /\bgericht\b/, /\brechtlich/, /\bjuristisch/,
    /\bavocat/, /\bproces\b/, /\btribunal/, /\bjuridique/, /\ben justice\b/, /\bpoursuivre/,
    /\babogad/, /\bdemanda/, /\bjudicial/,
  ],
  'account changes': [
    /\b(?:change|update|modify|edit|delete|close|remove|transfer|merge|cancel)\w* (?:\w+ ){0,3}(?:account|e-?mail(?: address)?|username|user name|phone number|billing address|account owner)\b/,
    /\baccount (?:change|deletion|closure|transfer)/,
    /\bkonto\w* (?:\w+ ){0,2}(?:loschen|andern|schliessen|kundigen|ubertragen)/, /\b(?:loschen|andern|schliessen|kundigen)\w* (?:\w+ ){0,3}(?:konto|e-?mail-adresse|benutzername)/,
    /\b(?:supprimer|modifier|changer|fermer|cloturer)\w* (?:\w+ ){0,3}(?:compte|adresse e-?mail|e-?mail|identifiant)/,
    /\b(?:eliminar|borrar|cambiar|modificar|cerrar|cancelar)\w* (?:\w+ ){0,3}(?:cuenta|correo|usuario)/,
  ],
};

const ALIASES: Record<string, string> = {
  refund: 'refunds',
  refunds: 'refunds',
  legal: 'legal',
  'account change': 'account changes',
  'account changes': 'account changes',
};

/** Lower case, accents removed, whitespace collapsed: "Rückerstattung" → "ruckerstattung". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A tenant's own topic ("warranty claims"): every word must appear, each as a word start. */
function customTopicPatterns(topic: string): RegExp[] {
  const words = foldText(topic).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  // "claims" also matches "claim": drop a plural s so the word start covers both.
  return words.map((w) => new RegExp(`\\b${escape(w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)}`, 'u'));
}

/**
 * The first of the agent's always-human topics the message is about, or null. Known topics
 * (refunds, legal, account changes) use multilingual keyword lists; any other topic matches
 * when all of its words occur in the message.
 */
export function matchAlwaysHumanTopic(redactedMessage: string, topics: readonly string[]): string | null {
  const text = foldText(redactedMessage);
  for (const topic of topics) {
    const known = ALIASES[foldText(topic).trim()];
    if (known) {
      if (TOPIC_KEYWORDS[known]!.some((pattern) => pattern.test(text))) return topic;
    } else {
      const patterns = customTopicPatterns(topic);
      if (patterns.length > 0 && patterns.every((pattern) => pattern.test(text))) return topic;
    }
  }
  return null;
}
