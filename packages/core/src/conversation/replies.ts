import type { HandoffReason } from '@vouch/db';

/**
 * What the customer is told. Honest about what happened (no pretending to know, no pretending
 * a person is already there), never echoing the customer's text or the reason's internals.
 */
export const HANDOFF_REPLIES: Record<HandoffReason, string> = {
  low_grounding: "I couldn't find this in our approved articles, so I'm handing you to a person. A member of our team will reply here.",
  always_human_topic: "This is something our team handles personally, so I'm handing you to a person. A member of our team will reply here.",
  customer_request: "Of course. I'm handing you to a person; a member of our team will reply here.",
  repeated_failure: "I haven't been able to answer this reliably, so I'm handing you to a person. A member of our team will reply here.",
  injection_attempt: "I can only help with questions about our products and services, answered from our approved articles. I've passed this conversation to our team.",
  tool_approval: 'This needs approval from a member of our team, so I\'m handing you to a person. They will reply here.',
};

export const UNVERIFIED_REPLY = "I couldn't put together an answer I can back with our approved articles. Could you rephrase your question? If it fails again, I'll hand you to a person.";

export const WITH_HUMAN_REPLY = 'A member of our team has this conversation and will reply here.';

/** The agent's token budget is used up: said plainly, with the way to a person. */
export const BUDGET_REPLY: Record<'conversation' | 'day', string> = {
  conversation: 'This conversation has reached its limit for automated answers. Use "Ask for a human" and a member of our team will reply here.',
  day: 'Our assistant has reached its limit of automated answers for today. Use "Ask for a human" and a member of our team will reply here.',
};
