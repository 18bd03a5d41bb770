export { createApiKey, listApiKeys, revokeApiKey, rotateApiKey, ZCreateApiKeyInput, ZRotateApiKeyInput, type TApiKeySummary } from './manage-api-keys';
export { authenticateApiKey, type TAuthenticatedApiKey } from './authenticate-api-key';
