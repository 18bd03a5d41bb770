// Test helpers for other packages' tests; not part of the runtime API.
export { startFakeOpenAiServer, type TFakeOpenAiServer } from './fake-openai-server';
export { HELP_CENTER } from './help-center';
