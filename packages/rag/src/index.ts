// Retrieval, grounding and answer composition land here (issues: Knowledge, Answer engine).
export {};
