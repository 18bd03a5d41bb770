// PII redaction, prompt-injection scoring and output filtering land here (issue: Guard).
// Pure functions, no I/O; until then nothing is exported, so nothing can pretend to redact.
export {};
