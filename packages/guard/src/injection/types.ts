export const INJECTION_FAMILIES = [
  'instruction_override',
  'roleplay_jailbreak',
  'system_prompt_extraction',
  'data_exfiltration',
  'tool_abuse',
  'fake_debug_mode',
  'payload_splitting',
  /** Instructions found inside hidden markup or an encoding; the hiding itself is evidence. */
  'obfuscation',
] as const;

export type TInjectionFamily = (typeof INJECTION_FAMILIES)[number];

export type TInjectionReason = {
  /** A rule family, or `classifier` for the trained model's contribution. */
  family: TInjectionFamily | 'classifier';
  /** Stable rule id (`family.lang.name`); absent for the classifier. */
  rule?: string;
  /** This reason's contribution in [0, 1] before combination. */
  weight: number;
  /** Short matched snippet from the normalised scan copy (≤ 80 characters). */
  evidence: string;
};

export type TInjectionOptions = {
  /** Score at or above which `flagged` is true. Defaults to `DEFAULT_INJECTION_THRESHOLD`. */
  threshold?: number;
  /** Include the normalised scan copy in the result (for debugging and audits). */
  includeNormalized?: boolean;
};

export type TInjectionResult = {
  /** Combined likelihood in [0, 1] that the text tries to manipulate the model. */
  score: number;
  flagged: boolean;
  /** Strongest first. */
  reasons: TInjectionReason[];
  normalized?: string;
};

export type TDocumentFinding = {
  /** Offsets of the paragraph in the original document (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  family: TInjectionFamily | 'classifier';
  score: number;
  evidence: string;
};

export type TDocumentScanResult = {
  flagged: boolean;
  /** Highest paragraph score. */
  score: number;
  findings: TDocumentFinding[];
};
