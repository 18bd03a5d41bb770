export { redact } from './redact';
export { createStreamRedactor, type TStreamRedactor, type TStreamRedactorOptions } from './stream';
export { createRedactionSession, RedactionSession, type TRedactionSessionJson } from './session';
export { revealVaultEntry } from './vault';
export { InvalidCustomEntityError } from './recognizers/index';
export { DEFAULT_THRESHOLD } from './detect';
export { isIbanValid, isLuhnValid, isUsSsnValid } from './validators';
export {
  BUILT_IN_ENTITY_TYPES,
  type TBuiltInEntityType,
  type TCustomEntity,
  type TEntity,
  type TEntityType,
  type TOperator,
  type TRedactOptions,
  type TRedactResult,
  type TVaultEntry,
} from './types';
