-- Tool actions: the agent acts on tenant data Vouch itself holds, within the tools its config
-- allows. `customer_orders` is a small demo table of a tenant's orders keyed by the host site's
-- verified user id (as conversations store it, redacted); `refund_requests` is what the
-- `refund.request` write tool creates; `tool_actions` records every write action the AI asked
-- for: pending until a person approves or rejects it (four eyes: the AI requests, a human decides).
CREATE TABLE customer_orders (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  order_number         text NOT NULL CHECK (order_number ~ '^[A-Z0-9-]{3,20}$'),
  customer_external_id text NOT NULL CHECK (length(customer_external_id) <= 300),
  status               text NOT NULL CHECK (status IN ('processing', 'shipped', 'delivered', 'cancelled')),
  item_summary         text NOT NULL CHECK (length(item_summary) <= 300),
  total_cents          integer NOT NULL CHECK (total_cents >= 0),
  currency             text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  placed_at            timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, order_number)
);
CREATE INDEX customer_orders_customer_idx ON customer_orders (tenant_id, customer_external_id);

CREATE TABLE tool_actions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  conversation_id      uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  trace_id             uuid REFERENCES message_traces(id) ON DELETE SET NULL,
  handoff_id           uuid REFERENCES handoffs(id) ON DELETE SET NULL,
  action               text NOT NULL CHECK (length(action) <= 100),
  access               text NOT NULL CHECK (access IN ('read', 'write')),
  -- The tool's validated input, redacted (order numbers, never card numbers or e-mails).
  input                jsonb NOT NULL DEFAULT '{}',
  status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'executed', 'rejected', 'failed')),
  -- Null: the AI asked. A person who asks can never decide their own request.
  requested_by_user_id uuid REFERENCES users(id),
  decided_by_user_id   uuid REFERENCES users(id),
  decided_at           timestamptz,
  decision_comment     text CHECK (length(decision_comment) <= 1000),
  result               jsonb,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (decided_by_user_id IS NULL OR requested_by_user_id IS NULL OR decided_by_user_id <> requested_by_user_id)
);
CREATE INDEX tool_actions_conversation_idx ON tool_actions (tenant_id, conversation_id, created_at);

CREATE TABLE refund_requests (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  order_id       uuid NOT NULL REFERENCES customer_orders(id) ON DELETE CASCADE,
  tool_action_id uuid REFERENCES tool_actions(id) ON DELETE SET NULL,
  amount_cents   integer NOT NULL CHECK (amount_cents >= 0),
  currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'paid', 'cancelled')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, tool_action_id)
);
-- One open refund request per order.
CREATE UNIQUE INDEX refund_requests_one_open_per_order ON refund_requests (tenant_id, order_id) WHERE status = 'requested';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer_orders', 'tool_actions', 'refund_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_orders, tool_actions, refund_requests TO {{app_role}};

-- A reply given by a tool (an order looked up, a sign-in asked for) is traced as outcome 'tool'.
ALTER TABLE message_traces DROP CONSTRAINT message_traces_outcome_check;
ALTER TABLE message_traces ADD CONSTRAINT message_traces_outcome_check
  CHECK (outcome IN ('answered', 'handed_off', 'unverified', 'with_human', 'budget_exceeded', 'tool'));
