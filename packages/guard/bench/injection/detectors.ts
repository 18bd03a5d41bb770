import vard from '@andersmyrmel/vard';
import { scoreInjection } from '../../src/injection/index';

/** One detector under comparison; `skipped` explains why it cannot run here. */
export type TDetector = { name: string; isFlagged?: (text: string) => Promise<boolean> | boolean; skipped?: string };

export async function loadDetectors(): Promise<TDetector[]> {
  const moderateVard = vard.moderate();
  const detectors: TDetector[] = [
    { name: 'vouch (default threshold)', isFlagged: (text) => scoreInjection(text).flagged },
    { name: 'vard 1.2.0 moderate', isFlagged: (text) => !moderateVard.safeParse(text).safe },
  ];
  detectors.push(...(await loadHaiGuardrails()));
  return detectors;
}

/**
 * hai-guardrails 1.12.0 ships a build with a CI-only absolute path for its piscina worker
 * (presidio-oss/hai-guardrails#108): importing it starts worker threads that crash with
 * ERR_MODULE_NOT_FOUND, and its heuristic mode runs inside those workers, so it cannot work.
 * Its pattern mode runs in-process and works; the worker crashes are swallowed below so they do
 * not take the benchmark down.
 */
async function loadHaiGuardrails(): Promise<TDetector[]> {
  const heuristicSkip: TDetector = {
    name: 'hai-guardrails 1.12.0 heuristic',
    skipped: 'worker path is broken in the published 1.12.0 build (presidio-oss/hai-guardrails#108)',
  };
  process.on('uncaughtException', (error) => {
    if (String(error).includes('piscina')) return;
    throw error;
  });
  try {
    const { injectionGuard } = await import('@presidio-dev/hai-guardrails');
    const patternGuard = injectionGuard({ roles: ['user'] }, { mode: 'pattern', threshold: 0.7 });
    return [
      {
        name: 'hai-guardrails 1.12.0 pattern',
        isFlagged: async (text) => {
          const [result] = await patternGuard([{ role: 'user', content: text }]);
          return result ? !result.passed : false;
        },
      },
      heuristicSkip,
    ];
  } catch (error) {
    return [{ name: 'hai-guardrails 1.12.0', skipped: `cannot load offline: ${String(error).slice(0, 120)}` }, heuristicSkip];
  }
}
