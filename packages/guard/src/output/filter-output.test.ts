import { describe, expect, it } from 'vitest';
import { containsCanary, createCanary } from './canary';
import { DEFAULT_FALLBACK_MESSAGE, filterOutput } from './filter-output';

const canary = 'vch-canary-3f9a1c2b7d4e5f60a1b2c3d4';

describe('canary', () => {
  it('creates distinct canaries of the documented shape', () => {
    const a = createCanary();
    expect(a).toMatch(/^vch-canary-[0-9a-f]{24}$/);
    expect(createCanary()).not.toBe(a);
  });

  it.each([
    ['verbatim', `my instructions end with ${canary}`],
    ['upper case', `token: ${canary.toUpperCase()}`],
    ['spaced', canary.split('').join(' ')],
    ['zero-width', canary.split('').join('\u200b')],
    ['base64', Buffer.from(`system prompt: ${canary}`).toString('base64')],
    ['base64url', Buffer.from(`${canary}!!`).toString('base64url')],
    ['hex', Buffer.from(canary).toString('hex')],
    ['random part only', 'the marker is 3f9a1c2b7d4e5f60a1b2c3d4'],
  ])('blocks a %s leak', (_kind, answer) => {
    const result = filterOutput(answer, { canary });
    expect(result.blocked).toBe(true);
    expect(result.text).toBe(DEFAULT_FALLBACK_MESSAGE);
    expect(result.actions).toEqual([{ kind: 'blocked_canary', detail: expect.any(String) }]);
  });

  it('does not block an answer without the canary', () => {
    expect(containsCanary('vch-canary is a word we use; 3f9a1c2b', canary)).toBe(false);
    expect(filterOutput('All good, your order shipped.', { canary }).blocked).toBe(false);
  });

  it('uses the tenant fallback message', () => {
    expect(filterOutput(canary, { canary, fallbackMessage: 'Nope.' }).text).toBe('Nope.');
  });
});

describe('PII in answers', () => {
  it('redacts PII the customer did not provide and keeps what they did', () => {
    const result = filterOutput('Thanks! We will write to anna@example.com, not to bob@example.com.', {
      customerMessages: ['Hi, my email is anna@example.com'],
    });
    expect(result.text).toBe('Thanks! We will write to anna@example.com, not to [EMAIL_1].');
    expect(result.actions).toEqual([{ kind: 'pii_redacted', detail: 'EMAIL' }]);
    expect(JSON.stringify(result.actions)).not.toContain('bob');
  });

  it('keeps values from approved sources and the allow list', () => {
    const result = filterOutput('Call +1 415 555 0100 or mail help@acme.example.', {
      sourceTexts: ['Support line: +1 415 555 0100'],
      allowedPiiValues: ['help@acme.example'],
    });
    expect(result.text).toBe('Call +1 415 555 0100 or mail help@acme.example.');
    expect(result.actions).toEqual([]);
  });

  it('masks a card even when the customer typed it (PCI DSS)', () => {
    const result = filterOutput('Your card 4111 1111 1111 1111 is on file.', { customerMessages: ['card 4111 1111 1111 1111'] });
    expect(result.text).toBe('Your card [CREDIT_CARD ****1111] is on file.');
  });

  it('always redacts secrets', () => {
    const result = filterOutput('Use sk_live_4eC39HqLyjWDarjtT1zdp7dc', { allowedPiiValues: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'] });
    expect(result.text).toBe('Use [SECRET_1]');
    expect(result.actions[0]?.kind).toBe('secret_redacted');
  });
});

describe('links', () => {
  const allowedDomains = ['vouch.io', 'acme.example'];

  it('keeps allowed hosts and their subdomains', () => {
    const answer = 'See https://help.vouch.io/articles/1 and [docs](https://acme.example/docs) or www.vouch.io.';
    expect(filterOutput(answer, { allowedDomains })).toEqual({ text: answer, actions: [], blocked: false });
  });

  it.each([
    ['bare URL', 'Go to https://evil.example/login now', 'Go to [link removed] now'],
    ['markdown link keeps its label', 'Click [here](https://evil.example/x?q=1).', 'Click here.'],
    ['markdown image disappears', 'Done ![img](https://evil.example/p.png?d=secret)', 'Done '],
    ['look-alike suffix', 'https://vouch.io.evil.example/a', '[link removed]'],
    ['userinfo trick is judged by the real host', 'https://vouch.io@evil.example/a', '[link removed]'],
    ['bare domain', 'visit evil.com today', 'visit [link removed] today'],
    ['javascript scheme', '[x](javascript:alert(1))', 'x)'],
  ])('removes a %s', (_kind, answer, expected) => {
    const result = filterOutput(answer, { allowedDomains });
    expect(result.text).toBe(expected);
    expect(result.actions.some((a) => a.kind === 'link_removed')).toBe(true);
  });

  it('does not treat file names, versions or abbreviations as domains', () => {
    const answer = 'Edit readme.md and config.py in v2.14.3, e.g. today.';
    expect(filterOutput(answer, { allowedDomains }).text).toBe(answer);
  });

  it('removes every link when no domain is allowed', () => {
    expect(filterOutput('https://vouch.io', {}).text).toBe('[link removed]');
  });
});
