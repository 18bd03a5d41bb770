import { foldText } from './human-topics';

const PERSON = '(?:human|person|real person|agent|representative|rep|someone|somebody|operator|staff|employee|supervisor|manager)';
const PATTERNS: RegExp[] = [
  // English
  new RegExp(`\\b(?:talk|speak|chat|connect me|put me through|transfer me|get me through)\\w* (?:to|with) (?:a |an |the |your |some |real |live |actual )*${PERSON}\\b`),
  new RegExp(`\\b(?:i want|i need|i'd like|i would like|give me|get me|can i (?:get|have)|let me talk to) (?:a |an |to |the )*(?:real |live |actual )*${PERSON}\\b`),
  /\b(?:human|real person|live agent|live person) (?:please|pls|now)\b/,
  /^\s*(?:human|agent|operator|representative)[\s!.?]*$/,
  // German
  /\b(?:mit )?(?:einem|einer|einen) (?:echten |richtigen )?(?:menschen|mitarbeiter\w*|person|berater\w*|kundenberater\w*) (?:sprechen|reden|verbinden)/,
  /\b(?:echten|richtigen) menschen\b/,
  /\bverbinden sie mich\b/,
  // French
  /\bparler (?:a|avec) (?:un |une |quelqu'un|quelqu un)(?:vrai |vraie |)?(?:humain|personne|conseiller|conseillere|agent|operateur)?/,
  /\bun (?:vrai )?humain\b/,
  // Spanish
  /\bhablar con (?:un |una |alguien)(?:humano|persona|agente|representante|operador)?/,
  /\b(?:persona real|un humano|agente humano)\b/,
];

/** True when the customer asks for a person ("talk to a human", "mit einem Mitarbeiter sprechen", "parler à un conseiller", "hablar con una persona"). */
export function isHumanRequest(redactedMessage: string): boolean {
  const text = foldText(redactedMessage);
  return PATTERNS.some((pattern) => pattern.test(text));
}
