export {
  configureSsoConnection,
  getSsoConnection,
  deleteSsoConnection,
  testSsoConnection,
  discoverSsoIssuer,
  assertSsoReplacesPasswords,
  ZConfigureSsoInput,
  ZTestSsoInput,
  type TSsoConnectionSummary,
  type TSsoDiscovery,
  type TSsoOptions,
} from './manage-sso-connection';
export { signInWithSso, signInWithSsoSecondFactor, type TSsoSignInDeps } from './sign-in-with-sso';
export { signInWithPasswordUnlessSsoOnly } from './sign-in-with-password';
