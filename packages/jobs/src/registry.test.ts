import { describe, expect, it } from 'vitest';
import { isJobName, JOBS, parseJobPayload, QUEUE_NAMES } from './registry';

describe('job registry', () => {
  it('names jobs domain.verb-noun and maps each to a queue', () => {
    for (const [name, job] of Object.entries(JOBS)) {
      expect(name).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
      expect(QUEUE_NAMES).toContain(job.queue);
    }
  });

  it('rejects malformed payloads with the offending field', () => {
    expect(() => parseJobPayload('audit.verify-chain', { tenantId: 'nope', requestedBy: 'x' })).toThrow(/tenantId/);
    expect(parseJobPayload('audit.verify-chain', { tenantId: '6f1c1b1e-8d0a-4c9e-9a43-2f7d7f0e9c11', requestedBy: 'cli' })).toEqual({
      tenantId: '6f1c1b1e-8d0a-4c9e-9a43-2f7d7f0e9c11',
      requestedBy: 'cli',
    });
  });

  it('knows its job names', () => {
    expect(isJobName('audit.verify-chain')).toBe(true);
    expect(isJobName('constructor')).toBe(false);
  });
});
