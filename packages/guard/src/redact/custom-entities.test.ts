import { describe, expect, it } from 'vitest';
import { InvalidCustomEntityError } from './recognizers/index';
import { redact } from './redact';

describe('custom entities', () => {
  it('detects a tenant pattern with its name as placeholder', () => {
    const result = redact('Ask EMP-123456 or EMP-654321', { customEntities: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }] });
    expect(result.text).toBe('Ask [EMPLOYEE_ID_1] or [EMPLOYEE_ID_2]');
  });

  it('accepts flags and a score, which the threshold applies to', () => {
    const customEntities = [{ name: 'PROJECT', pattern: 'project-[a-z]+', flags: 'i', score: 0.4 }];
    expect(redact('Project-Apollo', { customEntities }).entities).toEqual([]);
    expect(redact('Project-Apollo', { customEntities, threshold: 0.3 }).text).toBe('[PROJECT_1]');
  });

  it.each([
    [{ name: 'employee', pattern: 'x' }, /must match/],
    [{ name: 'EMAIL', pattern: 'x' }, /collides/],
    [{ name: 'BAD_PATTERN', pattern: '(' }, /invalid pattern/],
    [{ name: 'EVIL', pattern: '(a+)+$' }, /nested quantifiers/],
    [{ name: 'EVIL2', pattern: '(\\w*)*x' }, /nested quantifiers/],
    [{ name: 'EMPTY', pattern: 'a*' }, /empty string/],
    [{ name: 'FLAGS', pattern: 'a', flags: 'y' }, /flags/],
    [{ name: 'LONG', pattern: 'a'.repeat(501) }, /1–500/],
  ])('rejects %o', (entity, message) => {
    expect(() => redact('text', { customEntities: [entity] })).toThrow(InvalidCustomEntityError);
    expect(() => redact('text', { customEntities: [entity] })).toThrow(message);
  });

  it('scans long inputs in bounded windows without losing matches on window edges', () => {
    const filler = 'x '.repeat(60_000);
    const text = `${filler}EMP-123456 ${filler}EMP-654321`;
    const result = redact(text, { customEntities: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }], entities: ['EMPLOYEE_ID'] });
    expect(result.entities.map((e) => text.slice(e.start, e.end))).toEqual(['EMP-123456', 'EMP-654321']);
  });
});
