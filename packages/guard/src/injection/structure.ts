/**
 * Structural cues for the classifier: instead of phrases, *concepts* in six languages (EN, DE, FR,
 * ES, IT, PT), matched on the scan copy (lower-case, accents stripped) by word stems, and the
 * relations between them inside one sentence. "Ignore your previous instructions", "consider your
 * prior directions cancelled" and "tes consignes antérieures sont supprimées" all become
 * `override & config & prior & you`, which no single n-gram of one phrasing captures. Customers use
 * the same verbs for their own things ("cancel my previous order"), so the customer's own
 * possessive and everyday support objects are cues too, and the trained weights decide.
 *
 * Shared by the runtime classifier and `scripts/train-injection.ts`: one definition.
 */

/** Stem `foo*` matches words starting with foo; `foo` matches the word; spaces match any gap of spaces; ` * ` one word. */
function lexicon(entries: string): RegExp {
  const alternatives = entries
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const prefix = entry.endsWith('*');
      const body = (prefix ? entry.slice(0, -1) : entry)
        .split(' * ')
        .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/ /g, '\\s+'))
        .join('\\s+[^\\s]+\\s+');
      return prefix ? body : `${body}\\b`;
    });
  // The scan copy is lower-case with accents stripped, so ASCII word boundaries are enough (and fast).
  return new RegExp(`\\b(?:${alternatives.join('|')})`);
}

/** Concept lexicons. Order does not matter; names are stable feature names stored in model.json. */
export const STRUCTURE_CUES = {
  /** The model itself as addressee or object. */
  you: lexicon(`you, your, yours, yourself, u, ur, du, dein*, dich, dir, tu, te, toi, ton, ta, tes, ti, tuo, tua, tuoi, tue, voce, vc, teu, tua, teus, tuas, seu, sua, seus, suas, vous, votre, vos, ihr, ihre, ihren, ihnen, sie, usted, ustedes, su, sus, lei, la sua, le sue`),
  model: lexicon(`assistant*, assistent*, asistente*, assistente*, bot, bots, chatbot*, ai, a.i, ia, ki, llm, gpt*, model, modell, modele, modelo, modello, language model, agent, agente, system, systeme, sistema, copilot, claude, chatgpt, dan`),
  /** The customer's own things: "my previous order" is not an attack. */
  mine: lexicon(`my, mine, i, i'm, im, me, our, mein*, mir, mich, ich, unser*, mon, ma, mes, moi, je, j, notre, nos, mi, mis, yo, nuestr*, mio, mia, miei, mie, io, nostr*, meu, meus, minha*, eu, noss*`),
  /** Configuration of the model: what an attacker wants changed, ignored or shown. */
  config: lexicon(`instruction*, instruct*, rule, rules, guideline*, guidance, prompt*, system prompt*, systemprompt*, configuration*, config, setup, set-up, directive*, direction*, brief, briefing*, programming, programmed, preprompt*, pre-prompt*, initial text, context window, persona, orders, task, mission, training, constraints, parameters, operator, operators, developer*, creator*, anweisung*, regel*, richtlinie*, vorgabe*, konfiguration*, einstellung*, auftrag*, betreiber*, entwickler*, programmierung*, instrukt*, consigne*, regle*, configuration*, parametr*, operateur*, developpeur*, createur*, mission, tache, instruccion*, regla*, directriz*, directrices, pauta*, indicacion*, configuracion*, operador*, desarrollador*, creador*, tarea, istruzion*, regol*, direttiv*, linee guida, configurazion*, operatore*, sviluppator*, creator*, compito, instruc*, regra*, diretriz*, configurac*, desenvolvedor*, criador*, tarefa`),
  /** Protections of the model. */
  safety: lexicon(`safety, safe mode, safeguard*, guardrail*, filter*, filtre*, filtro*, moderation*, moderazion*, moderac*, censor*, censur*, restriction*, restrict*, restricc*, restrizion*, restric*, limit*, einschrank*, schutz*, sicherheit*, protection*, protecc*, protezion*, protec*, garde-fou*, ethic*, ethik*, ethique*, etic*, content policy, policies, security rules, safety rules, sicherheitsregeln, regles de securite, reglas de seguridad, regole di sicurezza, regras de seguranca, alignment, refus*`),
  /** Hidden, earlier or initial text. */
  prior: lexicon(`previous*, prior, earlier, above, preceding, initial*, original*, hidden, secret*, internal*, system, former, before, beforehand, first, old, existing, upstream, underlying, vorherig*, bisherig*, obig*, ursprunglich*, anfangs*, versteckt*, geheim*, intern*, fruher*, zuvor, vorher, vorangegangen*, precedent*, anterieur*, initia*, cache*, ci-dessus, auparavant, anterior*, previ*, inicial*, ocult*, secret*, intern*, arriba, antes, originari*, precedent*, iniziale*, nascost*, segret*, interno, interna, interne, interni, sopra, prima, anterior*, inicia*, ocult*, secret*, acima, antes`),
  /** Override, cancel, disable, replace. */
  override: lexicon(`ignor*, disregard*, forget*, forgot*, override*, overrid*, overwrit*, bypass*, circumvent*, skip*, discard*, drop, abandon*, cancel*, supersed*, replac*, void, voided, null, nullif*, scrap*, set aside, pay no attention, no attention, stop following, no longer, not apply, don't apply, doesn't apply, do not apply, does not apply, reset*, wipe*, eras*, delet*, deactivat*, disabl*, turn off, turned off, switch off, switched off, suspend*, paus*, lift*, lifted, remov*, lose, ditch*, neglect*, jailbreak*, unlock*, unrestrict*, unfilter*, uncensor*, free of, freed, liberat*, blank slate, clean slate, fresh start, new instructions, new rules, ignorier*, vergiss, vergessen, vergesse*, missacht*, uberschreib*, ersetz*, verwirf, verwerf*, aufgehoben, aufheb*, ungultig, deaktivier*, abschalt*, abgeschaltet, ausgeschaltet, ausgesetzt, aussetz*, pausiert, umgeh*, nicht mehr, gelten nicht, gilt nicht, hinfallig, gestrichen, oubli*, outrepass*, remplac*, annul*, supprim*, desactiv*, suspend*, contourn*, leve*, ne plus, plus valable*, caduque*, olvid*, anul*, reemplaz*, sustitu*, suprim*, desactiv*, suspendid*, elud*, omit*, omis*, ya no, sin efecto, dimentic*, annull*, sostitu*, cancell*, disattiv*, sospes*, aggir*, ometti*, tralasci*, non piu, non valgono, esquec*, substitu*, desativ*, suspens*, contorn*, descart*, desconsider*, nao mais, sem efeito, remise a zero`),
  /** Show, reveal, repeat, output. */
  reveal: lexicon(`reveal*, show*, print*, output*, display*, repeat*, dump*, paste*, list, spell out, write out, tell me, share, disclose*, expos*, leak*, recit*, copy, quote, echo, return, divulg*, render, translate, summariz*, zeig*, gib * aus, ausgeb*, ausgab*, wiederhol*, verrat*, offenleg*, offenbar*, nenn*, kopier*, fug*, druck*, teile, affich*, montr*, revel*, repet*, imprim*, copi*, coll*, recopi*, donne*, dis-moi, muestr*, mostr*, repit*, pega*, dime, ensen*, rivel*, ripet*, stamp*, incoll*, dimmi, riporta*, exib*, repet*, cole, diga, conte-me, transcrev*, transcri*`),
  /** Word for word, everything, in full. */
  verbatim: lexicon(`verbatim, word for word, word-for-word, exactly, unchanged, unedited, in full, full, complete, entire*, everything, all of it, raw, literal*, character for character, as is, wortlich*, wort fur wort, vollstandig*, komplett*, unverandert*, ganz*, mot pour mot, mot a mot, textuel*, integral*, complet*, tel quel, telle quelle, tout, palabra por palabra, textual*, complet*, integr*, todo, parola per parola, testual*, letteral*, completo, completa, integral*, tutto, palavra por palavra, tudo`),
  /** Persona assignment and role-play. */
  persona: lexicon(`you are now, you're now, from now on, act as, acting as, pretend*, role-play*, roleplay*, role play, play the role, you play, play a, persona, character, impersonat*, simulat*, your new name, you will be, you'll be, become, twin, alter ego, evil, unfiltered, uncensored, without any, without restrictions, without rules, no rules, no restrictions, no limits, dan, do anything now, jailbroken, improv*, game, ab jetzt, von nun an, du bist jetzt, du bist nun, tu so als, spiel*, rolle, gib dich als, zwilling, unzensiert*, ohne regeln, ohne schutz*, ohne filter, ohne einschrank*, desormais, a partir de maintenant, tu es maintenant, fais comme si, fais semblant, joue*, incarn*, personnage, jumeau, non censure*, sans regles, sans filtre*, sans protection*, sans limite*, sans restriction*, a partir de ahora, desde ahora, ahora eres, fing*, interpret*, actua como, haz de, papel, personaje, gemelo, sin censura, sin reglas, sin filtros, sin restricciones, sin salvaguarda*, sin limites, sin ninguna, da ora, d'ora in poi, ora sei, fai finta, ruolo, personaggio, gemello, senza censura, senza regole, senza filtri, senza protezion*, senza limiti, senza alcuna, a partir de agora, de agora em diante, agora voce e, finj*, faca de conta, papel, personagem, gemeo, sem censura, sem regras, sem filtros, sem protec*, sem limites, sem nenhuma`),
  /** Allegiance: the model should obey the writer instead of its operator. */
  obey: lexicon(`obey*, listen to me, answer to me, you work for me, work for me now, follow my, follow me, comply, do as i say, do what i say, my orders, my commands, at my command, serve me, i am your, i'm your, gehorch*, hor auf mich, horst du auf mich, befolge meine, ich bin dein, obei*, ecoute-moi, ecoute moi, je suis ton, obedec*, obedezc*, escuchame, sigue mis, soy tu, obbedisc*, ascoltami, segui i miei, sono il tuo, obedec*, obedeca*, me escute, siga minhas, sou seu, sou o seu`),
  /** Claimed authority, test or debug modes. */
  mode: lexicon(`developer mode, dev mode, debug*, maintenance, admin*, administrator*, sudo, root, god mode, superuser, red team, red-team, pentest*, test mode, testing mode, diagnostic*, override code, authoriz*, authoris*, approved, sanctioned, privileged, elevated, unlocked, system message, system notice, system update, system override, im_start, im_end, endoftext, inst, sys, instruction, entwicklermodus, wartung*, genehmigt*, freigegeben, befugt, autoris*, approuv*, modo desarrollador, mantenimiento, autoriz*, aprobad*, modalita sviluppatore, manutenzione, autorizz*, approvat*, modo desenvolvedor, manutenc*, aprovad*`),
  /** Sinks for exfiltration. */
  sink: lexicon(`http*, https*, www, url, link, links, webhook*, endpoint*, server, image, img, markdown, pixel, send*, forward*, email*, e-mail*, mail*, post*, upload*, transmit*, exfil*, relay*, collect*, attacker*, envoi*, envoie*, transmet*, lien, envi*, mand*, reenvi*, enlace*, invia*, inoltr*, encaminh*, schick*, weiterleit*, sende, senden, hochlad*`),
  /** Other people's or privileged data. */
  sensitive: lexicon(`other customers, other users, other shoppers, other clients, other accounts, all customers, all users, all accounts, every customer, every user, customer list, user list, database, saved addresses, card numbers, credit card*, gift card*, password*, passwort*, passe, contrasena*, senha*, api key*, api-key*, token*, credential*, secret*, transcript*, chat history, conversation history, chat log*, chatprotokoll*, personal data, pii, emails of, andere kunden, anderen kunden, anderer kunden, aller kunden, autres clients, otros clientes, altri clienti, outros clientes, geschenkkarte*, carte* cadeau*, tarjeta* regalo, carte regalo, cartao-presente, cartoes-presente, codes, codigos, codici, codigos, kartennummer*, numeros de carte, numeros de tarjeta, numeri di carta, numeros de cartao, adressen, adresses, direcciones, indirizzi, enderecos, trascrizione, transcripcion, transcricao`),
  /** Privileged actions through tools. */
  privileged: lexicon(`credit*, grant*, full access, admin access, make me, staff discount, employee discount, restricted, lifetime discount, unlimited, free of charge, for free, without verif*, skip verif*, no verif*, without checking, bypass verif*, every subscription, all subscriptions, every account, all accounts, delete all, cancel all, cancel every, refund twice, double refund, upheld, gutschreib*, vollen zugriff, ohne prufung, lebenslang*, alle abos, credit*, accorde*, acces complet, sans verif*, a vie, tous les abonnements, abona*, acredit*, acceso completo, sin verific*, de por vida, todas las suscripciones, accredit*, accesso completo, senza verific*, a vita, tutti gli abbonamenti, credit*, acesso total, acesso completo, sem verific*, vitalici*, todas as assinaturas`),
  /** Actions over everyone's data or accounts rather than the writer's own. */
  bulk: lexicon(`all, every, everyone, everybody, each, entire, whole, other users, other members, other people, except mine, except for mine, but mine, alle, sämtliche, samtliche, jede*, jeden, ausser meinem, ausser meiner, ausser mir, tous, toutes, chaque, sauf le mien, sauf la mienne, sauf moi, todos, todas, cada, menos la mia, menos el mio, menos a minha, menos o meu, excepto, tutti, tutte, ogni, tranne il mio, tranne la mia, tranne me`),
  /** The writer authorises what only the operator may authorise. */
  selfAuth: lexicon(`i authorise, i authorize, i authorised, i authorized, i approve, i give you permission, you have my permission, on my authority, i take responsibility, my responsibility, i allow you, i permit you, ich genehmige, ich erlaube, ich autorisiere, auf meine verantwortung, je l'autorise, je t'autorise, j'autorise, je te donne la permission, sous ma responsabilite, yo lo autorizo, te autorizo, autorizo, bajo mi responsabilidad, lo autorizzo, ti autorizzo, autorizzo, sotto la mia responsabilita, eu autorizo, te autorizo, sob minha responsabilidade`),
  /** Controlling the model's answer: "write that …", "respond only with …". */
  answerControl: lexicon(`write that, say that, state that, confirm that, tell the user, tell them, respond with, respond only, reply with, reply only, answer with, answer only, output only, only output, begin your reply, start your reply, start your answer, end your reply, include this, append, prepend, schreib dass, schreib, sag dass, antworte nur, antworte mit, ecris que, dis que, reponds uniquement, reponds avec, escribe que, di que, responde solo, responde con, scrivi che, di che, rispondi solo, rispondi con, escreva que, diga que, responda apenas, responda com`),
  /** Text that speaks to an AI reading a document. */
  toReader: lexicon(`ai reading, assistant reading, model reading, bot reading, reading this, note to ai, note to the assistant, note for the assistant, if you are an ai, if you're an ai, when summariz*, while summariz*, when you summariz*, when processing, when answering, any ai, any assistant, language models, llms, ki die, assistent der, assistant qui, ia que, assistente che, modelo que, lisez ce, liest, lee este, legge questo, le este`),
  /** Mentions and questions about attacks: security teams, researchers, developers. */
  meta: lexicon(`example of, examples of, is this, is that, is it, does this, would this, how do we, how do i, how can we, how can i, should we, should i, block*, detect*, prevent*, protect against, test*, prompt injection, injection, jailbreak attempt*, attack*, phishing, security team, researcher*, our bot, our assistant, our chatbot, our own, my own bot, angriff*, beispiel*, sollen wir, exemple*, devons-nous, faut-il, ejemplo*, deberiamos, esempio*, dovremmo, exemplo*, devemos, a customer wrote, a user wrote, someone wrote, ein kunde schrieb, un client a ecrit, un cliente escribio, un cliente ha scritto, um cliente escreveu`),
  /** Everyday support topics: the benign side of shared verbs. */
  support: lexicon(`order*, parcel*, package*, delivery, shipping, shipment, refund, invoice*, receipt*, subscription, account, password reset, address, payment, tracking, return, bestellung*, paket*, lieferung*, rechnung*, rucksendung*, commande*, colis, livraison*, facture*, remboursement*, pedido*, paquete*, envio*, factura*, reembolso*, ordine*, pacco*, consegna*, fattura*, rimborso*, encomenda*, entrega*, fatura*`),
} as const;

export type TStructureCue = keyof typeof STRUCTURE_CUES;
export const STRUCTURE_CUE_NAMES = Object.keys(STRUCTURE_CUES) as TStructureCue[];

/** Cue pairs whose co-occurrence in one sentence is evidence of an attack (or, with `mine`/`meta`/`support`, against). */
const SENTENCE_SPLIT = /[.!?;\n]+(?:\s|$)|[:\u2014]\s/u;

/**
 * Named structural features of a scan copy: every cue found (`has:cue`), every pair of cues in one
 * sentence (`sent:a&b`), and every pair anywhere (`text:a&b`), plus a coarse sentence-count bucket
 * and the share of sentences that address the model (for instructions planted in documents).
 */
export function extractStructureFeatures(scanText: string): string[] {
  const features = new Set<string>();
  const sentences = scanText.split(SENTENCE_SPLIT).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
  const textCues = new Set<TStructureCue>();
  let addressingSentences = 0;
  for (const sentence of sentences) {
    const cues = STRUCTURE_CUE_NAMES.filter((cue) => STRUCTURE_CUES[cue].test(sentence));
    for (const cue of cues) textCues.add(cue);
    if (cues.some((cue) => cue === 'override' || cue === 'reveal' || cue === 'persona' || cue === 'obey' || cue === 'answerControl') && cues.some((cue) => cue === 'you' || cue === 'model' || cue === 'config')) addressingSentences += 1;
    for (let left = 0; left < cues.length; left += 1) {
      for (let right = left + 1; right < cues.length; right += 1) features.add(`sent:${cues[left]}&${cues[right]}`);
      for (let right = left + 1; right < cues.length; right += 1) {
        for (let third = right + 1; third < cues.length; third += 1) features.add(`sent3:${cues[left]}&${cues[right]}&${cues[third]}`);
      }
    }
  }
  const ordered = STRUCTURE_CUE_NAMES.filter((cue) => textCues.has(cue));
  for (const cue of ordered) features.add(`has:${cue}`);
  for (let left = 0; left < ordered.length; left += 1) {
    for (let right = left + 1; right < ordered.length; right += 1) features.add(`text:${ordered[left]}&${ordered[right]}`);
  }
  features.add(`sentences:${sentences.length <= 1 ? '1' : sentences.length <= 3 ? '2-3' : sentences.length <= 8 ? '4-8' : '9+'}`);
  if (addressingSentences > 0) features.add(`addressing:${addressingSentences === 1 ? '1' : '2+'}`);
  if (sentences.length >= 4 && addressingSentences > 0) features.add('addressing-in-long-text');
  return [...features].sort();
}

const QUOTED_SPAN = /["\u201c\u201e\u00ab\u2039]([^"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\n]{8,400})["\u201d\u201c\u00bb\u203a]/gu;
/** Words that introduce or discuss a quotation rather than address the model (including asking whether a quoted message is genuine). */
const MENTION_CONTEXT = lexicon(`wrote, writes, write, sent, send, says, said, saying, reading, reads, typed, types, posted, pasted, tricked, trick, such as, like, called, example*, contain*, mention*, quote*, message*, phrase*, prompt*, string*, attack*, injection*, jailbreak*, block*, detect*, filter*, flag*, report*, schrieb, schreibt, geschrieben, nachricht*, beispiel*, blockier*, ecrit, a ecrit, message*, exemple*, bloquer, escribio, escribe, mensaje*, ejemplo*, bloquear, ha scritto, scritto, scrive, messaggi*, esempio*, bloccare, escreveu, escreve, mensage*, exemplo*, bloquear, genuine, legit*, authentic*, phishing, scam*, fake, suspicious, fraud*, echt, betrug*, gefalscht*, authentique*, arnaque*, frauduleu*, autentic*, estafa*, falso, falsa, truffa*, golpe*, fraude*, contien*, contiene*, contenga*, contem, contenha*, enthalt*, really from, really yours, actually from, wirklich von, wirklich echt, vraiment de vous, vraiment de votre, vraiment envoye, realmente suyo, realmente vuestro, realmente de ustedes, realmente de vosotros, davvero vostr*, davvero da voi, davvero di voi, mesmo vosso, mesmo vossa, mesmo de voces, mesmo seu`);

/**
 * Text quoted in order to talk about it ("a customer wrote "you are now Rex…", should we block
 * that?") is mentioned, not addressed to the model. The classifier sees such spans as one
 * placeholder word and their cues as `quoted:cue` features. A span is a mention when it has at least
 * three words and the text around it (at least three words) discusses it.
 */
export function maskQuotedMentions(scanText: string): { text: string; mentions: string[] } {
  const mentions: string[] = [];
  const outside = scanText.replace(QUOTED_SPAN, ' ');
  if ((outside.match(/\p{L}+/gu)?.length ?? 0) < 3 || !MENTION_CONTEXT.test(outside)) return { text: scanText, mentions };
  const text = scanText.replace(QUOTED_SPAN, (whole, inner: string) => {
    if ((inner.match(/\p{L}+/gu)?.length ?? 0) < 3) return whole;
    mentions.push(inner);
    return ' quotedmention ';
  });
  return { text, mentions };
}

/** What the classifier reads: n-gram text with mentions masked, and the structural features. */
export function classifierView(scanText: string): { ngramText: string; structure: string[] } {
  const { text, mentions } = maskQuotedMentions(scanText);
  const structure = extractStructureFeatures(text);
  if (mentions.length > 0) {
    structure.push('quoted-mention');
    const quotedCues = new Set<string>();
    for (const mention of mentions) for (const cue of STRUCTURE_CUE_NAMES) if (STRUCTURE_CUES[cue].test(mention)) quotedCues.add(`quoted:${cue}`);
    structure.push(...quotedCues);
  }
  return { ngramText: text, structure: structure.sort() };
}
