import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { formErrors } from './field-errors';

describe('formErrors', () => {
  it('puts each zod issue from the server beside its field, first message per field', () => {
    const issues = [
      { path: ['pairs', 1, 'answer'], message: 'Each question needs an answer.' },
      { path: ['title'], message: 'Give the article a title.' },
      { path: ['title'], message: 'A second complaint about the title.' },
    ];
    expect(formErrors(new TRPCClientError(JSON.stringify(issues)))).toEqual({
      fields: { 'pairs.1.answer': 'Each question needs an answer.', title: 'Give the article a title.' },
      form: null,
    });
  });

  it('shows a plain server message for the whole form, and a safe fallback for anything else', () => {
    expect(formErrors(new TRPCClientError('A re-index is already in progress; wait for it to finish.'))).toEqual({
      fields: {},
      form: 'A re-index is already in progress; wait for it to finish.',
    });
    expect(formErrors(new Error('internal detail'))).toEqual({ fields: {}, form: 'Something went wrong. Please try again.' });
  });
});
