-- Chat widget: idempotent sends, token-budget outcome.

-- A retried send (the widget lost the response on a network drop) carries the same client
-- message id: the second POST finds the first message instead of creating another.
ALTER TABLE messages ADD COLUMN client_message_id text CHECK (client_message_id ~ '^[A-Za-z0-9_-]{8,64}$');
CREATE UNIQUE INDEX messages_client_message_id_key ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL;

-- A conversation or agent past its token budget gets an honest "limit reached" reply, traced as such.
ALTER TABLE message_traces DROP CONSTRAINT message_traces_outcome_check;
ALTER TABLE message_traces ADD CONSTRAINT message_traces_outcome_check
  CHECK (outcome IN ('answered', 'handed_off', 'unverified', 'with_human', 'budget_exceeded'));
