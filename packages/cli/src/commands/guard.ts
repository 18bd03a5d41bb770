import { redact, scoreInjection } from '@vouch/guard';
import { mapJsonLines, parseThreshold } from '../json-lines';

function finish(failed: number): void {
  if (failed > 0) {
    process.stderr.write(`${failed} line(s) failed; see their "error" fields\n`);
    process.exitCode = 1;
  }
}

/** `vouch guard redact`: {"id","text"} → {"id","text","entities":[{"type","start","end","score"}]}. */
export async function guardRedactCommand(options: { threshold?: string }): Promise<void> {
  const threshold = parseThreshold(options.threshold);
  finish(
    await mapJsonLines(({ text }) => {
      const result = redact(text, threshold === undefined ? {} : { threshold });
      return { text: result.text, entities: result.entities.map(({ type, start, end, score }) => ({ type, start, end, score })) };
    }),
  );
}

/** `vouch guard injection`: {"id","text"} → {"id","score","flagged","reasons"}. */
export async function guardInjectionCommand(options: { threshold?: string }): Promise<void> {
  const threshold = parseThreshold(options.threshold);
  finish(
    await mapJsonLines(({ text }) => {
      const { score, flagged, reasons } = scoreInjection(text, threshold === undefined ? {} : { threshold });
      return { score, flagged, reasons };
    }),
  );
}
