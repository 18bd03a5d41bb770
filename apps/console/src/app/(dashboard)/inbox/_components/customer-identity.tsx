import { Badge } from '@vouch/ui';

/**
 * Who the customer is, as the widget established it: a user id the host site signed (identity
 * verification; stored redacted, so an email-like id shows as its placeholder) or nobody known.
 */
export function CustomerIdentity({ customer }: { customer: { verified: boolean; externalUserId: string | null } }) {
  return customer.verified && customer.externalUserId ? (
    <Badge tone="green" className="max-w-full" data-testid="customer-identity" data-verified="true" title="The customer's site signed this user id (identity verification).">
      <span aria-hidden="true" className="mr-1">
        ✓
      </span>
      <span className="truncate">Verified user {customer.externalUserId}</span>
    </Badge>
  ) : (
    <Badge tone="neutral" data-testid="customer-identity" data-verified="false" title="No signed user id: anyone could be writing.">
      Anonymous visitor
    </Badge>
  );
}
