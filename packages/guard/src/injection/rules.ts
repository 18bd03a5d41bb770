import { HIJACK_RULES } from './rules-hijack';
import { V5_RULES } from './rules-v5';
import { type TInjectionFamily } from './types';

/**
 * Weighted patterns per attack family, written against the *scan copy* from `normalizeForScan`
 * (lower-case, accents stripped, obfuscation undone), so they need no case or accent variants.
 *
 * Weights are the rule's own confidence: ≥ 0.6 flags on its own at the default threshold, lower
 * weights are signals that only flag together with other rules or the classifier. Patterns aim at
 * instructions addressed to the model ("your instructions", "the system prompt") and deliberately
 * miss what customers say to a human ("ignore my previous order", "send the invoice to my email").
 */
export type TInjectionRule = {
  id: string;
  family: TInjectionFamily;
  weight: number;
  /**
   * Weight inside documents (knowledge articles, e-mails, web pages). Text that addresses "the AI"
   * is normal in a chat ("hey bot, where is my parcel?") but has no business in a help article.
   */
  documentWeight?: number;
  pattern: RegExp;
};

/** `(?:a|b|c)` from alternatives written with regex syntax. */
const any = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`;

// Up to `n` filler words, but never the customer's own possessive: "ignore my previous instructions
// about delivery" is a customer correcting themselves, not an attack.
const OWN_POSSESSIVES = any(
  'my', 'our', 'mine', 'meine[nrms]?', 'unsere[nrms]?', 'mes', 'mon', 'ma', 'nos', 'notre', 'mis', 'mi', 'nuestr[oa]s?',
  'le mie', 'mie', 'miei', 'mia', 'mio', 'nostre', 'minhas?', 'meus?', 'nossas?',
);
const gap = (n: number): string => `(?:(?!${OWN_POSSESSIVES}\\b)[^\\s.!?;]+\\s+){0,${n}}`;

const OVERRIDE_VERBS = {
  en: any('ignore', 'disregard', 'forget', 'skip', 'override', 'overwrite', 'bypass', 'discard', 'drop', 'abandon', 'neglect', 'set aside', 'pay no attention to', 'do not follow', "don't follow", 'stop following'),
  de: any('ignorier(?:e|en|t)?', 'vergiss', 'vergessen sie', 'missachte(?:n)?', 'uberspring(?:e|en)?', 'verwirf', 'verwerfen sie', 'befolge (?:nicht|keine)', 'hor auf'),
  fr: any('ignore[zr]?', 'oublie[zr]?', 'neglige[zr]?', 'ne tiens pas compte (?:de|des|du)', 'ne tenez pas compte (?:de|des|du)', 'fais abstraction (?:de|des|du)', 'faites abstraction (?:de|des|du)', 'ecarte[zr]?', 'passe outre', 'ne suis plus', 'ne suivez plus'),
  es: any('ignora[rd]?', 'ignore', 'ignoren', 'olvida[rd]?', 'olvide(?:n)?', 'descarta[rd]?', 'omite', 'omitir', 'haz caso omiso', 'no sigas', 'deja de seguir'),
  it: any('ignora(?:re|te)?', 'dimentica(?:re|te)?', 'trascura(?:re)?', 'non considerare', 'non seguire', 'tralascia(?:re)?', 'scarta(?:re)?'),
  pt: any('ignore(?:m)?', 'ignora[r]?', 'esqueca(?:m)?', 'esquece[r]?', 'desconsidere(?:m)?', 'desconsidera[r]?', 'descarte', 'nao siga', 'deixe de seguir'),
};
const OVERRIDE_OBJECTS = {
  en: any('instructions?', 'rules', 'prompts?', 'directives?', 'guidelines', 'commands', 'programming', 'constraints', 'restrictions', 'guardrails', 'system (?:message|prompt)', 'context', 'policies', 'safety (?:rules|guidelines|filters)', 'training'),
  de: any('anweisung(?:en)?', 'instruktion(?:en)?', 'regeln', 'befehle', 'vorgaben', 'richtlinien', 'systemanweisung(?:en)?', 'einschrankungen', 'programmierung', 'prompts?'),
  fr: any('instructions?', 'consignes', 'regles', 'directives', 'ordres', 'prompts?', 'restrictions', 'programmation'),
  es: any('instrucciones', 'instruccion', 'reglas', 'indicaciones', 'directrices', 'ordenes', 'prompts?', 'restricciones', 'programacion'),
  it: any('istruzioni', 'regole', 'direttive', 'indicazioni', 'prompt', 'restrizioni', 'programmazione', 'linee guida'),
  pt: any('instrucoes', 'instrucao', 'regras', 'diretrizes', 'ordens', 'prompts?', 'restricoes', 'programacao'),
};
const PRIOR_QUALIFIERS = {
  en: any('previous', 'prior', 'above', 'earlier', 'preceding', 'former', 'original', 'initial', 'all', 'any', 'your', 'system', 'those', 'these', 'every', 'the above'),
  de: any('alle[nrms]?', 'vorherige[nrms]?', 'vorigen?', 'bisherige[nrms]?', 'obige[nrms]?', 'fruhere[nrms]?', 'vorangegangene[nrms]?', 'deine[nrms]?', 'ihre[nrms]?', 'die'),
  fr: any('toutes', 'tous', 'precedentes?', 'anterieures?', 'ci-dessus', 'tes', 'vos', 'les'),
  es: any('todas', 'todos', 'anteriores', 'previas', 'tus', 'sus', 'las'),
  it: any('tutte', 'tutti', 'precedenti', 'le tue', 'tue', 'sue', 'le'),
  pt: any('todas', 'todos', 'anteriores', 'previas', 'suas', 'tuas', 'as'),
};

const TRAILING_QUALIFIERS = {
  en: any('above', 'before', 'so far', 'you (?:were|have been) given', 'given (?:to you|above|before|earlier)', 'you received', 'from (?:before|earlier|your developers|the system)', 'in your system prompt'),
  de: any('von (?:vorher|oben|zuvor)', 'oben', 'zuvor', 'die (?:du|sie) (?:erhalten|bekommen)'),
  fr: any('precedentes', 'ci-dessus', 'anterieures', "qu'on t'a donnees", 'recues', 'de depart', 'initiales'),
  es: any('anteriores', 'previas', 'de arriba', 'que te (?:dieron|han dado)', 'iniciales', 'recibidas'),
  it: any('precedenti', 'di sopra', 'che ti (?:hanno dato|sono state date)', 'iniziali', 'ricevute'),
  pt: any('anteriores', 'previas', 'acima', 'que (?:te|lhe) deram', 'iniciais', 'recebidas'),
};

// A customer withdrawing their own earlier request: "disregard the previous instructions I gave
// about delivery", "ignora las instrucciones anteriores sobre la entrega".
const CUSTOMER_OWN_CONTEXT = `(?![^.!?\\n]{0,30}\\b(?:i|we) (?:gave|sent|wrote|left|provided|mentioned|added|put|typed|entered|included)\\b|[^.!?\\n]{0,20}\\b(?:about|regarding|concerning|for|on|zur|zum|concernant|pour|sobre|sulla|sul|per) (?:the |my |our |la |le |el |a |o |mi |ma |meu |minha |mein(?:e|er)? )?(?:delivery|order|shipping|address|parcel|package|return|pickup|lieferung|bestellung|adresse|livraison|commande|entrega|pedido|envio|consegna|ordine|spedizione|encomenda)\\b)`;

type TLanguage = keyof typeof OVERRIDE_VERBS;
const LANGUAGES: TLanguage[] = ['en', 'de', 'fr', 'es', 'it', 'pt'];

function overrideRules(): TInjectionRule[] {
  return LANGUAGES.flatMap((lang): TInjectionRule[] => [
    {
      id: `instruction_override.${lang}.ignore-prior-instructions`,
      family: 'instruction_override',
      weight: 0.85,
      pattern: new RegExp(`\\b${OVERRIDE_VERBS[lang]}\\s+${gap(2)}${PRIOR_QUALIFIERS[lang]}\\b\\s*${gap(3)}${OVERRIDE_OBJECTS[lang]}\\b${CUSTOMER_OWN_CONTEXT}`),
    },
    {
      // "ignore the instructions above", "ignora las instrucciones que te dieron"
      id: `instruction_override.${lang}.ignore-instructions-given`,
      family: 'instruction_override',
      weight: 0.8,
      pattern: new RegExp(`\\b${OVERRIDE_VERBS[lang]}\\s+${gap(3)}${OVERRIDE_OBJECTS[lang]}\\s+${TRAILING_QUALIFIERS[lang]}\\b${CUSTOMER_OWN_CONTEXT}`),
    },
  ]);
}

const rule = (id: string, family: TInjectionFamily, weight: number, pattern: RegExp, documentWeight?: number): TInjectionRule =>
  documentWeight === undefined ? { id, family, weight, pattern } : { id, family, weight, pattern, documentWeight };

const AI_NOUN = any('ai', 'a\\.i\\.', 'assistant', 'chat ?bot', 'bot', 'language model', 'llm', 'gpt', 'chatgpt', 'claude', 'model', 'agent', 'copilot', 'ki', 'ia', 'assistente', 'asistente', 'assistent');

const INSTRUCTION_OVERRIDE_EXTRA: TInjectionRule[] = [
  rule('instruction_override.en.new-instructions', 'instruction_override', 0.55, /\b(?:new|updated|real|actual|revised|following) (?:instructions|rules|task|directive|orders)\s*(?:are|is|:|follow)/),
  rule('instruction_override.en.from-now-on', 'instruction_override', 0.45, /\b(?:from now on|starting now|henceforth|for the rest of this conversation),? (?:you (?:will|must|shall|are|should|can)|always|only|respond|answer|reply|ignore)/),
  rule('instruction_override.en.instead-do', 'instruction_override', 0.4, /\b(?:instead|rather),? (?:you (?:must|will|should)|just|only) (?:say|print|output|respond|reply|write|answer)\b/),
  rule('instruction_override.en.no-longer-follow', 'instruction_override', 0.7, /\byou (?:are|re) no longer (?:bound|required|restricted|limited|obliged) (?:by|to)\b/),
  rule('instruction_override.multi.start-over', 'instruction_override', 0.55, /\b(?:forget|ignore|disregard) (?:everything (?:you (?:were|have been) told|above|before)|all(?: of)? (?:that|this|the above)|what you (?:were|have been) (?:told|instructed|given) (?:before|earlier|above))\b/),
  rule('instruction_override.de.neue-anweisungen', 'instruction_override', 0.6, /\b(?:neue|deine neue|ihre neue) (?:anweisung(?:en)?|aufgabe|regeln?)\s*(?:lautet|lauten|ist|sind|:)/),
  rule('instruction_override.de.vergiss-alles', 'instruction_override', 0.55, /\b(?:vergiss|vergessen sie|ignoriere|ignorieren sie) (?:alles|alle vorherigen|alles bisherige|alles (?:oben|davor|was))/),
  rule('instruction_override.fr.oublie-tout', 'instruction_override', 0.55, /\b(?:oublie[z]?|ignore[z]?) tout (?:ce qui precede|ce qu'on t'a dit|ce qui a ete dit)/),
  rule('instruction_override.fr.nouvelles-instructions', 'instruction_override', 0.6, /\b(?:tes|vos|les) nouvelles (?:instructions|consignes|regles)\s*(?:sont|:)/),
  rule('instruction_override.es.olvida-todo', 'instruction_override', 0.55, /\b(?:olvida|olvide|ignora|ignore) todo lo (?:anterior|que te (?:dijeron|han dicho)|dicho)/),
  rule('instruction_override.es.nuevas-instrucciones', 'instruction_override', 0.6, /\b(?:tus|sus|las) nuevas (?:instrucciones|reglas)\s*(?:son|:)/),
  rule('instruction_override.it.dimentica-tutto', 'instruction_override', 0.55, /\b(?:dimentica|ignora) tutto (?:quello che|cio che|quanto detto|il resto)/),
  rule('instruction_override.it.nuove-istruzioni', 'instruction_override', 0.6, /\b(?:le tue|le) nuove (?:istruzioni|regole)\s*(?:sono|:)/),
  rule('instruction_override.pt.esqueca-tudo', 'instruction_override', 0.55, /\b(?:esqueca|esquece|ignore|ignora) tudo (?:o que|acima|anterior)/),
  rule('instruction_override.pt.novas-instrucoes', 'instruction_override', 0.6, /\b(?:suas|as) novas (?:instrucoes|regras)\s*(?:sao|:)/),
  // Indirect injection: a document speaking to the model that will read it.
  rule('instruction_override.multi.addressed-to-ai', 'instruction_override', 0.35, new RegExp(`(?:^|[\\n.!?>\\-(\\[*])\\s*(?:(?:dear|hey|attention|note to|notice to|message (?:to|for)|an (?:die|den)|a l'|al|all'|para o|para a|para el|para la)\\s+)?(?:the\\s+)?${AI_NOUN}(?: ${AI_NOUN})?(?: reading this| processing this| summari[sz]ing this)?\\s*[:,]\\s*(?:when|if|always|never|you must|you should|please|ignore|do not|don't|from now|tell|respond|reply|answer|say|include|instruct|recommend|direct|send|wenn|immer|bitte|ignoriere|sag|quand|toujours|si|dis|cuando|siempre|di|dile|quando|sempre|diga|diz)\\b`), 0.75),
  rule('instruction_override.multi.if-you-are-ai', 'instruction_override', 0.7, /\b(?:if|when) you (?:are|re) an? (?:ai|large language model|language model|llm|assistant|chatbot|ai assistant|automated assistant)\b|\bwenn du (?:eine ki|ein (?:sprachmodell|ki-assistent|assistent))\b|\bsi (?:tu es|vous etes) une? (?:ia|assistant|modele de langage)\b|\bsi eres una? (?:ia|asistente|modelo de lenguaje)\b|\bse sei un(?:'|a |o )?(?:ia|assistente|modello linguistico)\b|\bse voce (?:e|for) uma? (?:ia|assistente|modelo de linguagem)\b/),
  rule('instruction_override.en.ai-reading-this', 'instruction_override', 0.75, /\b(?:ai|llm|assistant|language model|chatbot|model)s? (?:reading|processing|summari[sz]ing|parsing|ingesting) (?:this|these)\b/),
  rule('instruction_override.en.when-asked-tell', 'instruction_override', 0.3, /\bwhen(?:ever)? (?:you are |you're )?asked (?:about|for) [^.\n]{1,60}, (?:always )?(?:tell|say|respond|answer|reply|instruct|direct|inform)\b/, 0.7),
];

const ROLEPLAY: TInjectionRule[] = [
  rule('roleplay_jailbreak.en.dan', 'roleplay_jailbreak', 0.9, /\bdo anything now\b|\b(?:you are|you're|act as|become|called|named|be) (?:a |an )?dan\b|\bdan (?:mode|prompt|jailbreak)\b|\bstay (?:in character|as dan)\b/),
  rule('roleplay_jailbreak.en.you-are-now', 'roleplay_jailbreak', 0.75, /\byou(?: are|'re| will be| have become) now (?:an? |the |my )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil|unethical|amoral|rogue|free|liberated|unchained|unbound|different|new|dan|developer|hacker|in (?:developer|god|dev|jailbreak|unrestricted) mode|(?:an? )?ai (?:with(?:out)?|that)|no longer)\b/),
  rule('roleplay_jailbreak.en.pretend-no-restrictions', 'roleplay_jailbreak', 0.85, /\b(?:pretend|imagine|act|behave|roleplay|role-play|suppose)(?: as if| like| that)? (?:you|you're|you are|you were|you have|to be)\b[^.\n]{0,60}\b(?:no|without|free (?:of|from)|not bound by|don't have|do not have|zero|any) (?:(?:any|ethical|moral|content|safety|the) )?(?:restrictions?|rules|limits|limitations|filters|guidelines|censorship|boundaries|ethics|morals|policies|constraints)\b/),
  rule('roleplay_jailbreak.en.act-as-unrestricted', 'roleplay_jailbreak', 0.75, /\b(?:act|behave|respond|answer|pose|roleplay) as (?:if you (?:were|are) )?(?:an? )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil|unethical|amoral|malicious|rogue|hacked)\b/),
  rule('roleplay_jailbreak.en.developer-mode', 'roleplay_jailbreak', 0.8, /\b(?:developer|dev|god|jailbreak|unrestricted|dude|stan|evil) mode (?:is )?(?:now )?(?:enabled|activated|output|engaged)\b|\b(?:simulate|pretend to be in|act as if in) (?:the )?(?:developer|dev|god|jailbreak|unrestricted) mode\b|\b(?:god|jailbreak|unrestricted|dude|stan|evil) mode\b/),
  // Phones and apps have a real developer mode; only a weak signal without more context.
  rule('roleplay_jailbreak.en.enable-developer-mode', 'roleplay_jailbreak', 0.4, /\b(?:enable|activate|enter|switch to) (?:the )?(?:developer|dev) mode\b(?! (?:on|in) (?:your|my|the|his|her) (?:phone|device|android|iphone|tablet|settings|router|tv|laptop|computer|browser)\b)/),
  rule('roleplay_jailbreak.en.jailbroken', 'roleplay_jailbreak', 0.7, /\bjail ?broken\b|\bjail ?break(?:ing)? (?:prompt|mode|yourself|the (?:ai|model|assistant|bot))\b/),
  rule('roleplay_jailbreak.en.evil-confidant', 'roleplay_jailbreak', 0.9, /\bevil (?:confidant|assistant|twin|ai|bot)\b|\balways intelligent and machiavellian\b|\bmachiavellian\b[^.\n]{0,40}\bamoral\b/),
  rule('roleplay_jailbreak.en.no-ethics', 'roleplay_jailbreak', 0.6, /\b(?:no|without|free from|not bound by|ignore (?:all|your|any)) (?:ethical|moral|content|openai|anthropic|safety)? ?(?:guidelines|restrictions|filters|principles|policies|limitations|censorship)\b(?=[^.\n]{0,60}\b(?:answer|respond|reply|you|ai|assistant|model|character)\b)/),
  rule('roleplay_jailbreak.en.content-policy', 'roleplay_jailbreak', 0.5, /\b(?:openai|anthropic)(?:'s)? (?:content )?polic(?:y|ies)\b|\bas an ai language model\b/),
  rule('roleplay_jailbreak.en.two-responses', 'roleplay_jailbreak', 0.55, /\b(?:two|2) (?:different )?(?:responses|answers|paragraphs)\b[^.\n]{0,80}\b(?:jailbreak|unfiltered|unrestricted|normal|classic)\b/),
  rule('roleplay_jailbreak.de.du-bist-jetzt', 'roleplay_jailbreak', 0.75, /\b(?:du bist|sie sind) (?:jetzt|ab jetzt|ab sofort|nun) (?:eine? |der |die )?(?:ki |assistent )?(?:ohne (?:einschrankungen|regeln|filter|grenzen)|uneingeschrankt|unzensiert|bose|dan|frei)\b|\btu so,? als (?:hattest|hast|warst) du keine (?:einschrankungen|regeln|filter|grenzen)\b|(?<!\b(?:den|ich|habe) )\bentwicklermodus (?:aktiviert|aktiv|an)\b(?! (?:dem|der|den|meinem|meiner|einem|einer|um)\b|, um\b)/),
  rule('roleplay_jailbreak.fr.tu-es-maintenant', 'roleplay_jailbreak', 0.75, /\b(?:tu es|vous etes) (?:maintenant|desormais|a present) (?:une? )?(?:ia |assistant )?(?:sans (?:restrictions?|regles|filtres|limites)|libre|non censure|malveillant|dan)\b|\b(?:fais|faites) comme si (?:tu n'avais|vous n'aviez) (?:aucune|pas de) (?:restrictions?|regles?|limites?|filtres?)\b|\bmode developpeur (?:active|actif)\b(?![^.?!\n]{0,40}\b(?:telephone|smartphone|android|iphone|tablette|ordinateur|pc|mac|routeur|box|imprimante|console|navigateur|chrome|windows|appareil|montre|tele)\b)/),
  // Asking to switch a developer mode on is what owners of phones, TVs and speakers do too: like the English
  // `enable-developer-mode`, the imperative only corroborates (a claimed, already active mode stays strong above).
  rule('roleplay_jailbreak.multi.enable-developer-mode', 'roleplay_jailbreak', 0.4, /\baktiviere (?:den )?entwicklermodus\b|(?<!j'ai )\bactive[zr]? le mode developpeur\b|\bactiva (?:el )?modo desarrollador\b|\battiva la modalita sviluppatore\b|\bative o modo desenvolvedor\b/),
  rule('roleplay_jailbreak.es.ahora-eres', 'roleplay_jailbreak', 0.75, /\b(?:ahora eres|a partir de ahora eres|ahora seras) (?:una? )?(?:ia |asistente )?(?:sin (?:restricciones|reglas|filtros|limites)|libre|sin censura|malvad[oa]|dan)\b|\bfinge que no tienes (?:restricciones|reglas|limites|filtros)\b|\bmodo desarrollador (?:activado|activo)\b/),
  rule('roleplay_jailbreak.it.ora-sei', 'roleplay_jailbreak', 0.75, /\b(?:ora sei|da ora in poi sei|adesso sei) (?:una? |un' )?(?:ia |assistente )?(?:senza (?:restrizioni|regole|filtri|limiti)|libero|libera|non censurat[oa]|malvagi[oa]|dan)\b|\bfingi di non avere (?:restrizioni|regole|limiti|filtri)\b|\bmodalita sviluppatore (?:attivata|attiva)\b/),
  rule('roleplay_jailbreak.pt.agora-voce-e', 'roleplay_jailbreak', 0.75, /\b(?:agora voce e|a partir de agora voce e|agora tu es) (?:uma? )?(?:ia |assistente )?(?:sem (?:restricoes|regras|filtros|limites)|livre|sem censura|malvad[oa]|dan)\b|\bfinja que (?:voce )?nao tem (?:restricoes|regras|limites|filtros)\b|\bmodo desenvolvedor (?:ativado|ativo)\b/),
];

const PROMPT_NOUN = any('system prompt', 'system message', 'initial prompt', 'original prompt', 'hidden prompt', 'pre-?prompt', 'meta ?prompt', 'system instructions', 'initial instructions', 'original instructions', 'hidden instructions', 'secret instructions', 'developer (?:message|instructions)', 'prompt (?:du )?systeme', 'instructions (?:systeme|initiales|cachees)', 'prompt del sistema', 'instrucciones (?:del sistema|iniciales|ocultas)', 'mensaje del sistema', 'prompt di sistema', 'istruzioni (?:di sistema|iniziali|nascoste)', 'prompt do sistema', 'instrucoes (?:do sistema|iniciais|ocultas)', 'systemprompt', 'system-?prompt', 'systemanweisungen', 'anfangsanweisungen', 'versteckten anweisungen');

const PROMPT_EXTRACTION: TInjectionRule[] = [
  rule('system_prompt_extraction.multi.reveal-prompt', 'system_prompt_extraction', 0.85, new RegExp(`\\b${any('repeat', 'print', 'reveal', 'show', 'display', 'output', 'tell', 'give', 'share', 'leak', 'dump', 'list', 'write (?:out|down)', 'disclose', 'expose', 'recite', 'spell out', 'copy', 'paste', 'what (?:is|are|was|were)(?=[^.\\n?]{0,25}\\b(?:your|ur)\\b)', 'summari[sz]e', 'translate', 'zeig(?:e|en sie)?', 'gib', 'geben sie', 'wiederhole(?:n sie)?', 'verrate', 'nenne', 'montre[zr]?', 'revele[zr]?', 'affiche[zr]?', 'repete[zr]?', 'donne[zr]?', 'ecris', 'muestra(?:me)?', 'revela(?:me)?', 'repite', 'dime', 'imprime', 'escribe', 'mostra(?:mi)?', 'rivela(?:mi)?', 'ripeti', 'stampa', 'dimmi', 'scrivi', 'mostre', 'revele', 'repita', 'imprima', 'diga', 'escreva')}\\b[^.\\n?]{0,40}?${PROMPT_NOUN}\\b`)),
  rule('system_prompt_extraction.en.your-instructions', 'system_prompt_extraction', 0.6, /\b(?:repeat|print|reveal|show|display|output|tell me|give me|share|leak|dump|recite|disclose|list|what (?:are|were))\b[^.\n?]{0,20}\byour (?:full |exact |complete |entire |original |initial |secret |hidden |internal )?(?:instructions|rules|guidelines|prompt|programming|directives|configuration|initial (?:text|message))\b(?! (?:for|about|on|regarding|when|to|if)\b)/),
  rule('system_prompt_extraction.en.told-before', 'system_prompt_extraction', 0.8, /\bwhat (?:were|was|have) you (?:been )?(?:told|instructed|programmed|given|asked)(?: to do)? (?:before|earlier|at the (?:start|beginning)|initially|prior to|by (?:your|the) (?:developers?|creators?|operators?|company|system))\b|\bwhat (?:did|do) (?:your|the) (?:developers?|creators?|operators?|system) (?:tell|instruct) you\b/),
  rule('system_prompt_extraction.en.text-above', 'system_prompt_extraction', 0.75, /\b(?:repeat|print|output|copy|recite|return|write)\b[^.\n]{0,30}\b(?:everything|all(?: the)? (?:text|words)|the (?:text|words|content|message)s?|what(?:ever)? (?:is|was) written) (?:above|before (?:this|my message)|prior to (?:this|my message)|from the (?:start|beginning))\b|\bstart(?:ing)? (?:your (?:answer|response|reply) )?with ["']?you are\b|\bverbatim\b[^.\n]{0,40}\b(?:instructions|prompt|above|text)\b/),
  rule('system_prompt_extraction.en.prompt-mention', 'system_prompt_extraction', 0.35, new RegExp(`\\b${PROMPT_NOUN}\\b`)),
  rule('system_prompt_extraction.multi.told-before', 'system_prompt_extraction', 0.75, /\bwas wurde dir (?:vorher|zuvor|am anfang) (?:gesagt|aufgetragen)\b|\bqu'est-ce qu'on t'a dit (?:avant|au debut)\b|\bque te dijeron (?:antes|al principio)\b|\bcosa ti (?:e stato detto|hanno detto) (?:prima|all'inizio)\b|\bo que (?:te|lhe) disseram (?:antes|no inicio)\b/),
];

const URL_OR_ADDRESS = String.raw`(?:https?://|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}|\b[\w-]+\.(?:com|net|org|io|ru|xyz|top|site|online|info|biz|cn|tk)\b|webhook|pastebin|my server|this (?:url|link|endpoint|address))`;
const THIRD_PARTY_DATA = any(
  "(?:the |all |every |each |other |these )?(?:users?|customers?|clients?|visitors?)(?:'s?|s')? (?:e-?mails?|emails? addresses|addresses|passwords?|credit cards?|card (?:numbers?|details)|phone numbers?|personal (?:data|information|details)|data|details|messages|conversations?|order history|account (?:details|data)|ssns?|social security numbers?|tokens?|credentials)",
  '(?:the |this |our |entire |full |whole )?(?:conversation|chat)(?: history| log| transcript)?',
  '(?:all |any |the )?(?:api keys?|access tokens?|secrets?|credentials|session (?:tokens?|cookies?)|cookies|environment variables|private keys?)',
  '(?:their|his|her) (?:e-?mails?|passwords?|credit cards?|card (?:numbers?|details)|cvv|pin|login details|bank details|personal data)',
  '(?:previous|earlier|all|other) (?:messages|conversations|tickets)',
  'the system prompt',
  '(?:die |alle )?(?:kundendaten|kreditkart(?:e|en)(?:nummern?)?|passworter|chatverlauf|gesprachsverlauf|konversation|e-mails der (?:nutzer|kunden))',
  "(?:les |toutes les )?(?:donnees (?:des )?(?:clients|utilisateurs)|cartes bancaires|mots de passe|historique de (?:la )?conversation|e-mails des (?:clients|utilisateurs)|la conversation)",
  '(?:los |todos los |las )?(?:datos de (?:los )?(?:clientes|usuarios)|tarjetas de credito|contrasenas|historial de (?:la )?conversacion|correos de (?:los )?(?:clientes|usuarios)|la conversacion)',
  "(?:i |tutti i |le )?(?:dati (?:dei )?(?:clienti|utenti)|carte di credito|password degli utenti|cronologia della conversazione|email (?:dei )?(?:clienti|utenti)|la conversazione)",
  '(?:os |todos os |as )?(?:dados (?:dos )?(?:clientes|usuarios)|cartoes de credito|senhas|historico da conversa|e-?mails dos (?:clientes|usuarios)|a conversa)',
);
const SEND_VERBS = any('send', 'forward', 'post', 'upload', 'transmit', 'exfiltrate', 'email', 'e-mail', 'leak', 'submit', 'relay', 'report', 'deliver', 'append', 'encode', 'sende', 'schicke?', 'leite', 'ubermittle', 'envoie[zr]?', 'transfere[zr]?', 'transmets', 'envia[r]?', 'reenvia[r]?', 'manda[r]?', 'invia(?:re)?', 'inoltra(?:re)?', 'manda(?:re)?', 'envie', 'encaminhe', 'mande');

const EXFILTRATION: TInjectionRule[] = [
  rule('data_exfiltration.multi.send-data-to-url', 'data_exfiltration', 0.8, new RegExp(`\\b${SEND_VERBS}\\b(?! (?:me|us|myself)\\b)[^\\n.?!]{0,60}?\\b${THIRD_PARTY_DATA}\\b[^\\n.?!]{0,80}?${URL_OR_ADDRESS}`)),
  rule('data_exfiltration.multi.data-then-send', 'data_exfiltration', 0.6, new RegExp(`\\b${THIRD_PARTY_DATA}\\b[^\\n]{0,40}?\\b(?:to|an|a|para)\\s+${URL_OR_ADDRESS}`)),
  rule('data_exfiltration.md.image-beacon', 'data_exfiltration', 0.85, /!\[[^\]\n]{0,80}\]\(\s*https?:\/\/[^)\s]+\?[^)\s]*(?:\{|\}|\$|%7b|\[|<|(?:q|data|d|c|secret|token|conv|chat|msg|m|info|p|payload|email|key|history|leak|x|u|s)=)[^)]*\)/),
  rule('data_exfiltration.md.image-query', 'data_exfiltration', 0.3, /!\[[^\]\n]{0,80}\]\(\s*https?:\/\/[^)\s]+\?[^)\s]+\)/),
  rule('data_exfiltration.en.include-in-url', 'data_exfiltration', 0.75, /\b(?:include|append|add|embed|encode|put|insert)\b[^.\n]{0,50}\b(?:user'?s?|customer'?s?|their|conversation|chat|previous|the) (?:e-?mails?|emails? address|passwords?|credit card|card(?: number)?|address|phone|ssn|data|details|messages?|history|name)\b[^.\n]{0,50}\b(?:url|link|query(?: string| parameter)?|image|request|your (?:response|answer|reply))\b/),
  rule('data_exfiltration.en.tell-users-to-send', 'data_exfiltration', 0.85, /\b(?:tell|ask|instruct|direct|advise|request|remind|encourage|require)(?:ing)? (?:the )?(?:users?|customers?|them|people|visitors|callers|clients)\b[^.\n]{0,20}\bto (?:email|send|enter|provide|share|reply with|submit|type|confirm|post|text|dm|forward|give)\b[^.\n]{0,40}\b(?:card (?:numbers?|details)|credit card|cvv|cvc|security code|password|passcode|pin|ssn|social security|bank (?:details|account|login)|login (?:details|credentials)|one-time (?:code|password)|otp|2fa code|verification code|seed phrase)\b/),
  rule('data_exfiltration.multi.tell-users-to-send', 'data_exfiltration', 0.8, /\b(?:sag|bitte) (?:den |die )?(?:nutzern?|kunden)\b[^.\n]{0,30}\b(?:kreditkart|passwort|pin|kartennummer)|\b(?:dis|demande[zr]?) aux (?:utilisateurs|clients)\b[^.\n]{0,40}\b(?:carte|mot de passe|code)|\b(?:dile|pide|indica) a los (?:usuarios|clientes)\b[^.\n]{0,40}\b(?:tarjeta|contrasena|pin|codigo)|\b(?:di|chiedi) agli (?:utenti|clienti)\b[^.\n]{0,40}\b(?:carta|password|pin|codice)|\b(?:diga|peca) aos (?:usuarios|clientes)\b[^.\n]{0,40}\b(?:cartao|senha|pin|codigo)/),
];

const TOOL_ABUSE: TInjectionRule[] = [
  // The agent's own tool identifiers (`order.status`, `refund.request`, documented in the README) are not words a
  // customer needs: named, they corroborate; named with a verb that runs them ("call refund.request for …",
  // "lance order.status", "loop the order.status tool") or written as a call with arguments, they are a request to
  // drive the tool directly.
  rule('tool_abuse.multi.agent-tool-name', 'tool_abuse', 0.45, /\b(?:refund|order)[._](?:request|status)\b/, 0.3),
  rule('tool_abuse.multi.run-agent-tool', 'tool_abuse', 0.75, /\b(?:call|calls|calling|invoke|run|running|trigger|execute|fire|loop|use|hit|appelle[zr]?|lance[zr]?|execute[zr]?|utilise[zr]?|llama|llamar|ejecuta[r]?|lanza|usa|chiama|chiamare|esegui|eseguire|lancia|chame|chama|executa[r]?|execute|roda|rode|use|ruf(?:e|en sie)?|aufrufen|fuhre|fuhren sie|starte|nutze|verwende)\b[^.?!\n]{0,40}\b(?:refund|order)[._](?:request|status)\b|\b(?:refund|order)[._](?:request|status)\s*\(/),
  rule('tool_abuse.en.call-tool', 'tool_abuse', 0.7, /\b(?:call|invoke|use|trigger|run|execute|fire) (?:the |your )?[\w-]*(?:refund|delete|transfer|payment|payout|admin|shell|exec|database|sql|email|send_?mail|update_?user|grant|credit|cancel|wire|bash|python|terminal|browser|http|fetch)[\w-]* (?:tool|function|plugin|action|api|endpoint|command)\b(?!s? (?:in|on) (?:the|my|your) (?:app|dashboard|settings|account))/),
  rule('tool_abuse.en.function-call-syntax', 'tool_abuse', 0.6, /\b(?:issue_refund|refund_order|delete_user|delete_account|transfer_funds|grant_admin|send_email|execute_sql|run_shell|update_role|create_refund)\s*\(/),
  rule('tool_abuse.multi.without-approval', 'tool_abuse', 0.85, /\b(?:refund|credit|reimburse|pay(?: out)?|transfer|approve|wire|erstatte|ruckerstattung|rembourse[zr]?|remboursement|reembolsa[r]?|reembolso|rimborsa(?:re)?|rimborso|reembolse|estorne)\b(?:[^.\n]|\.(?=\d)){0,80}\b(?:without|bypass(?:ing)?|skip(?:ping)?|ohne|sans|sin|senza|sem) (?:any |the |a |manager |human |further )?(?:approval|verification|authori[sz]ation|confirmation|checks?|review|asking|genehmigung|freigabe|prufung|bestatigung|approbation|validation|verification|aprobacion|verificacion|autorizacion|confirmacion|approvazione|verifica|autorizzazione|conferma|aprovacao|verificacao|autorizacao|confirmacao)\b/),
  rule('tool_abuse.en.bypass-approval', 'tool_abuse', 0.75, /\b(?:bypass|skip|circumvent|disable|turn off|override)\b (?:the |all |any )?(?:approval|verification|authori[sz]ation|fraud|security|kyc|2fa|mfa|manager) (?:step|checks?|process|flow|requirement|policy|system)?\b(?=[^.\n]{0,60}\b(?:refund|transfer|payment|account|admin|access|order|tool|and|then)\b)/),
  // Help articles and developers say "run the following command" all the time: a signal only.
  rule('tool_abuse.en.execute-command', 'tool_abuse', 0.35, /(?:^|[.!:\n]\s*|\b(?:now|please|immediately|you must|you will|then|and)\s+)(?:execute|run|eval(?:uate)?) (?:this|the following|these|the below) (?:command|code|script|shell|query|sql|python|bash|instructions?)\b/),
  rule('tool_abuse.en.dangerous-command', 'tool_abuse', 0.85, /\b(?:execute|run|eval(?:uate)?|call)\b[^\n]{0,60}(?:rm -rf|curl [^\n]{0,80}\|\s*(?:ba)?sh|wget |drop table|delete from \w+(?: where 1=1)?;|chmod 777|\/etc\/passwd|nc -e|base64 -d \|)/),
  rule('tool_abuse.en.mass-action', 'tool_abuse', 0.6, /\b(?:delete|drop|wipe|erase|purge|cancel|refund) (?:all|every) (?:the )?(?:users|accounts|customers|records|orders|tickets|data(?:base)?|tables|subscriptions)\b/),
  rule('tool_abuse.en.grant-admin', 'tool_abuse', 0.45, /\b(?:grant|give|assign|make|set|elevate|promote)\b[^.\n]{0,25}\b(?:admin(?:istrator)?|root|superuser|owner) (?:access|rights|privileges|role|permissions|status)\b(?=[^.\n]{0,40}\b(?:now|immediately|without|this user|me\b))/),
  rule('tool_abuse.multi.call-tool', 'tool_abuse', 0.7, /\b(?:rufe?|nutze|verwende) (?:das |die |den )?[\w-]*(?:erstattungs|refund|losch|admin|zahlungs)[\w-]*(?:tool|werkzeug|funktion)\b|\b(?:appelle[zr]?|utilise[zr]?|execute[zr]?) (?:l'outil|la fonction)\b|\b(?:llama|usa|ejecuta) (?:a )?(?:la herramienta|la funcion)\b|\b(?:chiama|usa|esegui) (?:lo strumento|la funzione)\b|\b(?:chame|use|execute) (?:a ferramenta|a funcao)\b/),
];

const FAKE_DEBUG: TInjectionRule[] = [
  rule('fake_debug_mode.multi.chat-template-tokens', 'fake_debug_mode', 0.85, /<\|(?:im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id|assistant|user)\|>|\[\/?inst\]|<<\/?sys>>|<\/?(?:system|sys|system_prompt|instructions?|admin)>|^\s*#{2,}\s*(?:system|instruction|response)\s*:?\s*$/m),
  // Pasted logs contain "[SYSTEM] retrying…": a signal only, strong with a command after it (below).
  rule('fake_debug_mode.multi.bracket-system', 'fake_debug_mode', 0.35, /(?:^|\n)\s*[[({]\s*(?:system|admin|administrator|developer|root|sudo|override|operator|openai|anthropic|security|system override|system message|systeme|sistema)\s*[\])}]\s*:?/),
  rule('fake_debug_mode.multi.bracket-system-command', 'fake_debug_mode', 0.85, /[[({]\s*(?:system|admin|administrator|developer|root|sudo|override|operator|system override|system message|systeme|sistema)\s*[\])}]\s*:?[^\n]{0,120}\b(?:ignore|override|disregard|new instructions?|you (?:must|will|are now)|from now on|assistant|restrictions?|disabled|enabled|unlocked|authori[sz]ed|ignoriere|ignore[zr]?|ignora|anweisungen|instructions?|instrucciones|istruzioni|instrucoes)\b/),
  rule('fake_debug_mode.multi.admin-override', 'fake_debug_mode', 0.8, /#{1,6}\s*(?:admin|administrator|system|developer|root|security)\s+(?:override|mode|instructions?|message|prompt|command|notice|update)\b|(?<!\b(?:is there|there's|there is|is there an?|there's an?|there is an?) )\b(?:admin|administrator|system|developer|root|security|emergency) override\b|(?<!\b(?:is there|there's|there is|what's|what is|whats) (?:an? |the |any )?(?:master |manager's )?)\boverride (?:code|authori[sz]ation|protocol)\b/),
  rule('fake_debug_mode.multi.debug-mode-on', 'fake_debug_mode', 0.45, /\b(?:debug|debugging|maintenance|admin|test|diagnostic|sudo|god|superuser|root) mode (?:is )?(?:now )?(?:enabled|activated|on|engaged|unlocked)\b|\bdebug-?modus (?:aktiviert|an)\b|\bmode (?:debug|maintenance|administrateur) (?:active|actif)\b|\bmodo (?:de )?(?:depuracion|debug|mantenimiento|administrador|depuracao|manutencao) (?:activado|ativado|activo|ativo)\b|\bmodalita (?:debug|manutenzione|amministratore) (?:attivata|attiva)\b/),
  rule('fake_debug_mode.en.debug-mode-ai', 'fake_debug_mode', 0.85, /\b(?:debug|maintenance|admin|test|diagnostic|sudo|god|superuser|root) mode\b[^.?!\n]{0,80}\b(?:restrictions?|filters?|safety|guardrails|policies|rules|system prompt|no limits|unrestricted|all (?:commands|requests))\b/),
  rule('fake_debug_mode.multi.message-from-system', 'fake_debug_mode', 0.6, /\b(?:message|note|instruction|notice|update|directive) (?:from|by) (?:the )?(?:system|administrator|admin|developers?|openai|anthropic|your (?:developers?|creators?|operators?)|vouch (?:security|engineering))\b|\bthis is (?:the |your |an )?(?:system|developers?|administrator|admin|creator|operator)(?: speaking|:| talking)|\b(?:system|admin) (?:notice|message|alert) to (?:the )?(?:ai|assistant|model|bot)\b/),
  rule('fake_debug_mode.multi.authorized-tester', 'fake_debug_mode', 0.6, /\bi am (?:an? |your |the )?(?:authori[sz]ed|certified|official) (?:tester|developer|administrator|admin|red ?teamer|security researcher)\b[^.\n]{0,60}\b(?:disable|ignore|bypass|unlock|reveal|override|turn off|grant)\b/),
];

const PAYLOAD_SPLITTING: TInjectionRule[] = [
  rule('payload_splitting.multi.assign-and-join', 'payload_splitting', 0.45, /\b[a-z]\w{0,11}\s*(?:=|:=)\s*["'`][^"'`\n]{1,40}["'`][\s\S]{0,160}?\b[a-z]\w{0,11}\s*(?:=|:=)\s*["'`][^"'`\n]{1,40}["'`][\s\S]{0,200}?\b[a-z]\w{0,11}\s*\+\s*[a-z]\w{0,11}\b/),
  rule('payload_splitting.multi.join-and-obey', 'payload_splitting', 0.85, /\b[a-z]\w{0,11}\s*\+\s*[a-z]\w{0,11}\b[^\n]{0,60}\b(?:and (?:then )?(?:do|follow|execute|obey|answer|respond to|comply with|perform)|follow|execute|obey|comply)\b|\b(?:now|then) (?:do|execute|follow|obey|perform|answer) (?:the (?:result of )?)?[a-z]\w{0,11}\s*\+\s*[a-z]\w{0,11}\b|\b(?:do|execute|follow|obey|perform) (?:what )?[a-z]\w{0,11}\s*\+\s*[a-z]\w{0,11}\b/),
  rule('payload_splitting.multi.concatenate-and-follow', 'payload_splitting', 0.75, /\b(?:concatenate|combine|join|merge|put together|assemble|glue|add together)\b[^.\n]{0,60}\b(?:strings?|parts?|pieces?|fragments?|words|letters|segments|variables|the following|these|them|chunks)\b[^\n]{0,80}\b(?:follow|execute|obey|do (?:it|that|what it says|as it says)|perform|comply|treat (?:it|the result) as|answer|respond to|act on)\b|\b(?:kombiniere|verbinde|fuge)\b[^.\n]{0,60}\b(?:teile|strings|worter)\b[^\n]{0,60}\b(?:befolge|fuhre)\b|\b(?:concatene|combine|assemble)\b[^.\n]{0,60}\b(?:parties|morceaux|chaines)\b[^\n]{0,60}\b(?:suis|execute|obeis)\b|\b(?:concatena|combina|une|junta|unisci)\b[^.\n]{0,60}\b(?:partes|piezas|cadenas|parti|pezzi|stringhe|pedacos)\b[^\n]{0,60}\b(?:sigue|ejecuta|obedece|segui|esegui|obbedisci|siga|execute|obedeca)\b/),
  rule('payload_splitting.en.concatenate-following', 'payload_splitting', 0.45, /\bconcatenate (?:the following|these|them|the strings|the parts)\b|\b(?:first|second|third|next|final) (?:part|half|piece|fragment) of (?:the|my|your) (?:instruction|prompt|message|command|request)\b/),
];

export const INJECTION_RULES: readonly TInjectionRule[] = [
  ...overrideRules(),
  ...INSTRUCTION_OVERRIDE_EXTRA,
  ...ROLEPLAY,
  ...PROMPT_EXTRACTION,
  ...EXFILTRATION,
  ...TOOL_ABUSE,
  ...FAKE_DEBUG,
  ...PAYLOAD_SPLITTING,
  ...HIJACK_RULES,
  ...V5_RULES,
];

/**
 * `quoted`: the match is wrapped in quotation marks introduced by a reporting word (a user posted
 * "…"), i.e. the phrase is mentioned, not addressed to the model.
 */
export type TRuleHit = { rule: TInjectionRule; evidence: string; quoted?: boolean; customerOwn?: boolean };

/**
 * Exfiltration rules that also match a customer asking for a copy of *this* conversation by e-mail
 * ("could you email a summary of this chat to my accountant, it's for my records", "pouvez-vous
 * m'envoyer un résumé de cette conversation à …"): the customer's own chat sent where they ask is not
 * an injection. Such a hit is marked `customerOwn` (it keeps the weight of a quoted mention) when the
 * data is only the conversation itself, no one else's, the sink is an e-mail address (a URL is a
 * beacon whoever asks), and the writer is named as recipient just before the address or says it is for
 * their records.
 */
const OWN_CONVERSATION_RULES = new Set(['data_exfiltration.multi.send-data-to-url', 'data_exfiltration.multi.data-then-send']);
const OWN_CONVERSATION = /\b(?:conversation|chat|gesprach|unterhaltung|conversacion|conversa|conversazione)\b/;
const OTHER_PEOPLES_DATA = /\b(?:all|every|each|other|others|customers?|users?|clients?|visitors?|api|keys?|tokens?|secrets?|credentials|passwords?|cookies|system|prompt|instructions?|alle|tous|toutes|todos|todas|tutti|tutte)\b|https?:|www\./;
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/;
const WRITER_AS_RECIPIENT = /\b(?:me|myself|my|mine|mir|mich|mein\w*|moi|mon|ma|mes|mi|mis|mio|mia|miei|mie|meu|minha|meus|minhas)\b|\bm'/;
const FOR_MY_RECORDS = /\b(?:for my (?:records|files|own records|accountant|taxes)|fur meine unterlagen|pour mes (?:dossiers|archives|comptes|impots)|para mis (?:registros|archivos)|per i miei (?:archivi|registri)|para os meus (?:registos|registros|arquivos))\b/;

function isCustomerOwnConversation(scanText: string, match: RegExpExecArray): boolean {
  const address = EMAIL_ADDRESS.exec(match[0]);
  if (!address || !OWN_CONVERSATION.test(match[0]) || OTHER_PEOPLES_DATA.test(match[0].replace(EMAIL_ADDRESS, ' '))) return false;
  const addressStart = match.index + address.index;
  return WRITER_AS_RECIPIENT.test(scanText.slice(Math.max(0, addressStart - 60), addressStart)) || FOR_MY_RECORDS.test(scanText);
}

const OPENING_QUOTES = '"\u201c\u201e\u00ab\'`';
const CLOSING_QUOTES = '"\u201d\u201c\u00bb\'`';
const REPORTING_CONTEXT = /\b(?:posted|wrote|writes|said|says|typed|types|typing|sent|pasted|asked|answers?|answered|responds? to|reacts? to|handles?|messages?|prompts?|strings?|phrases?|sentences?|text|like|such as|e\.g\.|called|containing|contains|saying|reads?|stated|tells?|telling|mentions?|claim(?:s|ed|ing)?|schreibt|schrieb|sagt|tippt|postet|ecrit|ecrire|dit|tape|envoie|escribe|escribir|dice|pone|manda|envia|scrive|scrivere|digita|invia|escreve|escrever|diz|wie|comme|como|come|etwa|par exemple|por ejemplo|per esempio|por exemplo|quot(?:e|es|ed|ing)|such as|words?)\s*:?$/;
/** "people telling support bots to "…"", "customers asking the assistant to "…"". */
const TELLING_SOMEONE_TO = /\b(?:tell(?:s|ing)?|told|ask(?:s|ing|ed)?|instruct(?:s|ing|ed)?|get(?:s|ting)?|trick(?:s|ing|ed)?)\b(?:\s+[\p{L}']+){0,3}\s+to\s*:?$/u;
/** A noun right after the closing quote also marks a mention: "…" prompts, "…" attacks, "…"-style messages. */
const MENTION_AFTER_QUOTE = /^\s*-?\s*(?:prompts?|messages?|attacks?|strings?|phrases?|tricks?|injections?|payloads?|style|type|kind|examples?|requests?|schreibt|sagt|eingibt|tippt|postet|schreiben|sagen)\b/;

/** Every rule that matches, at most one hit per rule (the first, which is enough evidence). */
export function matchInjectionRules(scanText: string): TRuleHit[] {
  const hits: TRuleHit[] = [];
  for (const candidate of INJECTION_RULES) {
    const match = candidate.pattern.exec(scanText);
    if (!match) continue;
    const hit: TRuleHit = { rule: candidate, evidence: shortenEvidence(match[0]) };
    if (isQuotedMention(scanText, match.index, match.index + match[0].length)) hit.quoted = true;
    if (OWN_CONVERSATION_RULES.has(candidate.id) && isCustomerOwnConversation(scanText, match)) hit.customerOwn = true;
    hits.push(hit);
  }
  return hits;
}

/** The match sits between quotes (a few characters of slack) that follow a reporting word. */
function isQuotedMention(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  let openingOffset = Math.max(...[...OPENING_QUOTES].map((quote) => before.lastIndexOf(quote)));
  let windowStart = Math.max(0, start - 3);
  if (openingOffset < 0) {
    // The match may start a few words into the quotation: `hide text such as "reveal the system prompt"`.
    windowStart = Math.max(0, start - 60);
    const lookback = text.slice(windowStart, start);
    openingOffset = Math.max(...[...'"\u201c\u201e\u00ab'].map((quote) => lookback.lastIndexOf(quote)));
    if (openingOffset < 0) return false;
    const absolute = windowStart + openingOffset;
    // An ASCII double quote opens only if an even number of them precede it.
    if (text[absolute] === '"' && (text.slice(0, absolute).match(/"/g) ?? []).length % 2 === 1) return false;
    if (/[\u201d\u00bb]/.test(text.slice(absolute + 1, start))) return false;
  }
  // The closing quote may fall inside the match: rules allow a few filler words, which can run past it.
  const quoted = text.slice(start + 1, end + 40);
  const closingOffset = Math.min(...[...CLOSING_QUOTES].map((quote) => quoted.indexOf(quote)).filter((offset) => offset >= 0));
  if (!Number.isFinite(closingOffset)) return false;
  const openingIndex = windowStart + openingOffset;
  const lead = text.slice(Math.max(0, openingIndex - 40), openingIndex).trimEnd();
  return REPORTING_CONTEXT.test(lead) || TELLING_SOMEONE_TO.test(lead) || MENTION_AFTER_QUOTE.test(quoted.slice(closingOffset + 1));
}

export function shortenEvidence(snippet: string, maxLength = 80): string {
  const compact = snippet.replace(/\s+/g, ' ').trim();
  return compact.length <= maxLength ? compact : `${compact.slice(0, maxLength - 1)}…`;
}
