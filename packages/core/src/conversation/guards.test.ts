import { describe, expect, it } from 'vitest';
import { isHumanRequest } from './human-request';
import { matchAlwaysHumanTopic } from './human-topics';
import { isSameQuestion } from './same-question';

const DEFAULT_TOPICS = ['refunds', 'legal', 'account changes'];

describe('matchAlwaysHumanTopic', () => {
  it.each([
    ['How long do refunds take?', 'refunds'],
    ['I want my money back', 'refunds'],
    ['Wann bekomme ich meine Rückerstattung?', 'refunds'],
    ['Je voudrais être remboursé', 'refunds'],
    ['¿Cuándo recibiré el reembolso?', 'refunds'],
    ['I will talk to my lawyer about this', 'legal'],
    ['Ich werde Sie verklagen', 'legal'],
    ['Je vais contacter mon avocat', 'legal'],
    ['Voy a hablar con mi abogado', 'legal'],
    ['Please change the email on my account to [EMAIL_1]', 'account changes'],
    ['How do I delete my account?', 'account changes'],
    ['Bitte mein Konto löschen', 'account changes'],
    ['Je veux supprimer mon compte', 'account changes'],
    ['Quiero eliminar mi cuenta', 'account changes'],
  ])('"%s" → %s', (message, topic) => {
    expect(matchAlwaysHumanTopic(message, DEFAULT_TOPICS)).toBe(topic);
  });

  it.each(['How do I reset my password?', 'How long does shipping take?', 'Where is my tracking number?', 'Can I return an item?'])('leaves "%s" to the assistant', (message) => {
    expect(matchAlwaysHumanTopic(message, DEFAULT_TOPICS)).toBeNull();
  });

  it("matches a tenant's own topic when all its words occur, and only listed topics", () => {
    expect(matchAlwaysHumanTopic('I have a warranty claim for my phone', ['warranty claims'])).toBe('warranty claims');
    expect(matchAlwaysHumanTopic('How long is the warranty?', ['warranty claims'])).toBeNull();
    expect(matchAlwaysHumanTopic('How long do refunds take?', ['legal'])).toBeNull();
  });
});

describe('isHumanRequest', () => {
  it.each([
    'Can I talk to a human?',
    'I want to speak with a real person please',
    'agent',
    'connect me to a representative',
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Je veux parler à un conseiller',
    'Quiero hablar con una persona',
  ])('"%s" asks for a person', (message) => expect(isHumanRequest(message)).toBe(true));

  it.each(['How do your agents handle refunds?', 'Is a person allowed to return two items?', 'How do I reset my password?'])('"%s" does not', (message) =>
    expect(isHumanRequest(message)).toBe(false),
  );
});

describe('isSameQuestion', () => {
  it('recognises a repeat in other words and tells different questions apart', () => {
    expect(isSameQuestion('How long does shipping take?', 'how long does shipping take??')).toBe(true);
    expect(isSameQuestion('How long does express shipping take?', 'express shipping: how long?')).toBe(true);
    expect(isSameQuestion('How long does shipping take?', 'How do I reset my password?')).toBe(false);
  });
});
