// A labelled question set for recall@5: 24 short help-centre passages written for this bench and
// 48 questions a customer might ask, phrased in their own words (few shared keywords with the
// answer, some typos and inflections). Each question is labelled with the passage that answers it.
// The passages are mixed into the tenant's synthetic chunks, which act as distractors.

export interface TLabelledPassage {
  id: string;
  text: string;
  questions: string[];
}

export const HELP_CENTER: TLabelledPassage[] = [
  {
    id: 'refund-window',
    text: '## Refunds\n\nOnce the returned parcel reaches our warehouse we pay the money back to the original payment method within 14 days.',
    questions: ['How long until I get my money back after sending something back?', 'when is the refund paid'],
  },
  {
    id: 'return-label',
    text: '## Return labels\n\nPrint a prepaid return label from the order page in your account and drop the package at any post office.',
    questions: ['Where do I get a shipping label to return an item?', 'do i have to pay postage for returns'],
  },
  {
    id: 'password-reset',
    text: '## Resetting your password\n\nChoose "Forgot password" on the sign-in page; we email a link that is valid for one hour.',
    questions: ['I forgot my password, what now?', 'how long does the reset link work'],
  },
  {
    id: 'two-factor',
    text: '## Two-factor authentication\n\nTurn on two-step verification under Security settings and scan the QR code with an authenticator app.',
    questions: ['How can I enable 2FA on my account?', 'set up an authenticator app for login'],
  },
  {
    id: 'delete-account',
    text: '## Closing your account\n\nTo delete your account permanently, open Privacy settings and choose "Delete account". Data is erased after 30 days.',
    questions: ['How do I remove my account for good?', 'when is my data erased after deleting my profile'],
  },
  {
    id: 'invoice-payment',
    text: '## Paying by invoice\n\nBusiness customers may pay on invoice; the amount is due within fourteen days of delivery.',
    questions: ['Can companies pay later with a bill?', 'payment terms for invoices'],
  },
  {
    id: 'accepted-cards',
    text: '## Cards we accept\n\nWe take Visa, Mastercard and American Express. Prepaid cards cannot be used for subscriptions.',
    questions: ['Which credit cards can I use?', 'does amex work'],
  },
  {
    id: 'shipping-times',
    text: '## Delivery times\n\nStandard delivery inside the EU takes three to five working days; express arrives the next working day.',
    questions: ['How many days does shipping take?', 'when will my parcel arrive if I order today'],
  },
  {
    id: 'international-shipping',
    text: '## Shipping outside the EU\n\nWe ship to the UK, Switzerland and Norway. Customs duties are charged by the carrier on arrival.',
    questions: ['Do you deliver to Switzerland?', 'who pays import taxes for orders to the UK'],
  },
  {
    id: 'order-tracking',
    text: '## Tracking a parcel\n\nThe dispatch email contains a tracking number; the status updates once the carrier scans the parcel.',
    questions: ['Where can I see where my package is?', 'i have not got a tracking code'],
  },
  {
    id: 'change-address',
    text: '## Changing the delivery address\n\nYou can edit the address until the order is packed. After dispatch, contact the carrier to redirect it.',
    questions: ['I entered the wrong street, can I fix it?', 'redirect a shipment to another adress'],
  },
  {
    id: 'cancel-order',
    text: '## Cancelling an order\n\nOrders can be cancelled free of charge within one hour of purchase from the order history page.',
    questions: ['Can I still cancel what I just bought?', 'how quickly must i cancel'],
  },
  {
    id: 'warranty',
    text: '## Warranty\n\nAll devices come with a two-year manufacturer guarantee covering defects, not accidental damage.',
    questions: ['Is a broken screen covered if I dropped the phone?', 'how many years of guarantee do devices have'],
  },
  {
    id: 'battery-care',
    text: '## Battery care\n\nTo keep the battery healthy, charge between 20 and 80 percent and avoid leaving the device in a hot car.',
    questions: ['How should I charge to make the battery last longer?', 'is heat bad for batteries'],
  },
  {
    id: 'firmware-update',
    text: '## Updating the firmware\n\nOpen the app, select the device and tap "Check for updates"; keep it plugged in until the update finishes.',
    questions: ['How do I install the latest software on my device?', 'can i unplug during an update'],
  },
  {
    id: 'pairing-bluetooth',
    text: '## Pairing over Bluetooth\n\nHold the power button for five seconds until the light blinks blue, then pick the device in your phone\'s Bluetooth list.',
    questions: ['My headphones will not connect to the phone', 'how to put the device in pairing mode'],
  },
  {
    id: 'subscription-cancel',
    text: '## Ending a subscription\n\nCancel the plan any time under Billing; it stays active until the end of the paid period and is not renewed.',
    questions: ['How do I stop my monthly plan?', 'do I keep access after cancelling the subscription'],
  },
  {
    id: 'price-match',
    text: '## Price match\n\nIf a retailer sells the same item cheaper within seven days of your purchase, we refund the difference.',
    questions: ['I found it cheaper somewhere else after buying', 'do you match competitor prices'],
  },
  {
    id: 'gift-cards',
    text: '## Gift cards\n\nGift cards never expire and can be combined with discount codes on any order in the online shop.',
    questions: ['Do vouchers have an expiry date?', 'can I use a gift card together with a promo code'],
  },
  {
    id: 'student-discount',
    text: '## Student discount\n\nStudents get ten percent off after verifying their enrolment with a university email address.',
    questions: ['Is there a reduction for people at university?', 'how to prove I am a student'],
  },
  {
    id: 'data-export',
    text: '## Downloading your data\n\nRequest a copy of your personal data under Privacy; a download link arrives by email within 48 hours.',
    questions: ['Can I get a copy of everything you store about me?', 'GDPR data download'],
  },
  {
    id: 'newsletter',
    text: '## Newsletter\n\nUnsubscribe with the link at the bottom of any newsletter or switch off marketing emails in your profile.',
    questions: ['How do I stop getting promotional mails?', 'opt out of the newsletter'],
  },
  {
    id: 'store-hours',
    text: '## Opening hours\n\nOur shops open Monday to Saturday from 9 am to 8 pm and are closed on Sundays and public holidays.',
    questions: ['When are your stores open?', 'are shops open on sunday'],
  },
  {
    id: 'damaged-delivery',
    text: '## Damaged delivery\n\nIf the parcel arrives damaged, photograph it and report it within 48 hours so we can send a replacement.',
    questions: ['My package arrived broken, what should I do?', 'deadline to report a damaged parcel'],
  },
];
