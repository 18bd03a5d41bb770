import type { TEvidenceChunk } from '../types';

/** A small help center as retrieved chunks, for the answer engine's unit tests. */
export const HELP_CENTER: TEvidenceChunk[] = [
  {
    chunkId: 'refunds',
    documentTitle: 'Refund policy',
    content: '# Refund policy\n\nYou can return any unused item within 30 days of delivery for a full refund. Refunds go back to\nthe original payment method within 5 business days after we receive the return.',
    textScore: 0.1,
  },
  {
    chunkId: 'password',
    documentTitle: 'Resetting your password',
    content:
      '# Resetting your password\n\nYou can reset your password from the sign-in page. Choose "Forgot password", enter the email\naddress on your account, and we send a reset link that stays valid for 30 minutes.\n\nSupport staff will never ask you for your password, in chat or by email.',
  },
  {
    chunkId: 'shipping',
    documentTitle: 'Shipping times',
    content:
      '# Shipping times\n\nStandard shipping takes 3 to 5 business days within the EU and 7 to 10 business days elsewhere.\nExpress shipping takes 1 to 2 business days within the EU.\n\nYou receive a tracking number by email as soon as your order leaves our warehouse.',
  },
];

export const chunk = (id: string): TEvidenceChunk => HELP_CENTER.find((c) => c.chunkId === id)!;
