import { creditCardRecognizer } from './credit-card';
import { dateOfBirthRecognizer } from './date-of-birth';
import { dateOfBirthSpelledRecognizer } from './date-of-birth-spelled';
import { emailRecognizer } from './email';
import { ibanRecognizer } from './iban';
import { ipAddressRecognizer } from './ip-address';
import { nationalIdRecognizer, passportRecognizer } from './national-id';
import { nationalIdChecksumRecognizer, nationalIdFormatsRecognizer } from './national-id-formats';
import { personRecognizer } from './person';
import { personLexiconRecognizer } from './person-lexicon';
import { phoneRecognizer } from './phone';
import { type TRecognizer } from './recognizer';
import { secretRecognizer } from './secret';
import { secretPhraseRecognizer } from './secret-phrase';
import { streetAddressRecognizer } from './street-address';
import { streetPrepositionRecognizer } from './street-address-prepositions';
import { usSsnRecognizer } from './us-ssn';

export { compileCustomRecognizer, InvalidCustomEntityError, CUSTOM_ENTITY_NAME, DEFAULT_CUSTOM_PATTERN_MAX_INPUT } from './custom';
export { type TRecognizer } from './recognizer';

export const BUILT_IN_RECOGNIZERS: readonly TRecognizer[] = [
  emailRecognizer,
  creditCardRecognizer,
  ibanRecognizer,
  usSsnRecognizer,
  phoneRecognizer,
  ipAddressRecognizer,
  personRecognizer,
  personLexiconRecognizer,
  streetAddressRecognizer,
  streetPrepositionRecognizer,
  dateOfBirthRecognizer,
  dateOfBirthSpelledRecognizer,
  passportRecognizer,
  nationalIdRecognizer,
  nationalIdFormatsRecognizer,
  nationalIdChecksumRecognizer,
  secretRecognizer,
  secretPhraseRecognizer,
];
