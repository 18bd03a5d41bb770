// Pure functions, no I/O: PII redaction, prompt-injection scoring and output filtering.
export * from './redact/index';
export * from './injection/index';
export * from './output/index';
