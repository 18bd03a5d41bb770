import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';

const secrets = (text: string): string[] =>
  detectEntities(text, planDetection({}))
    .filter((d) => d.type === 'SECRET')
    .map((d) => text.slice(d.start, d.end));

describe('SECRET written in a sentence', () => {
  it.each([
    ['my password is Winter2027?? for the admin panel', 'Winter2027??'],
    ['Das Passwort lautet Tz8&uQ1!pW, bitte ändern.', 'Tz8&uQ1!pW'],
    ['Mon mot de passe est Soleil#2024x.', 'Soleil#2024x'],
    ['Mi contraseña es Gato_Negro_77 y no funciona', 'Gato_Negro_77'],
    ['La password è Roma2030!Sole, grazie', 'Roma2030!Sole'],
    ['A senha é Casa#9090mar', 'Casa#9090mar'],
    ['Palavra-passe: Lisboa_2029!', 'Lisboa_2029!'],
    ['The PASSWORD WAS "Tr1cky-Horse" until yesterday', 'Tr1cky-Horse'],
  ])('finds the password in %j', (text, expected) => {
    expect(secrets(text)).toEqual([expected]);
  });

  it.each([
    'The password is incorrect, please help.',
    'My password was reset yesterday.',
    'Das Passwort ist seit 2024 ungültig.',
    'password is 12345678 digits only, is that allowed?',
    'La contraseña es demasiado corta.',
    'Password is at least 12 characters long.',
    'my password is the one in my e-mail jane2024@example.com',
  ])('leaves %j without a secret', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});
