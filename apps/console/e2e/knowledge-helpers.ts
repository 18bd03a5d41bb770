import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { FRESH_PASSWORD } from './account-helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** An address of its own per run, so the per-IP sign-in limit of one run never spills into the next. */
export function freshForwardedFor(): string {
  return `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

/**
 * A workspace of its own (operator CLI, same database as the console), so the sources uploaded
 * here never mix with the demo tenants' or another spec's. Its policy requires MFA for
 * uploaders and reviewers, as a new tenant's does.
 */
export function createFreshTenant(label: string, name = 'Initech'): { slug: string; name: string } {
  const slug = `e2e-${label}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  execFileSync('pnpm', ['-s', 'vouch', 'tenant', 'create', slug, '--owner', `owner-${slug}@example.test`, '--name', name, '--password-stdin'], {
    cwd: REPO_ROOT,
    input: FRESH_PASSWORD,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { slug, name };
}

/**
 * Records every value any progress bar on the page shows (through navigations), so a test can
 * prove it watched ingestion advance rather than only seeing the end state.
 */
export async function recordProgressBars(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { label: string | null; value: number }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const note = (el: Element) => {
      const value = Number(el.getAttribute('aria-valuenow'));
      const label = el.getAttribute('aria-label');
      const last = seen.findLast((s) => s.label === label);
      if (!last || last.value !== value) seen.push({ label, value });
    };
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target instanceof Element && m.target.getAttribute('role') === 'progressbar') note(m.target);
        for (const node of Array.from(m.addedNodes)) {
          if (!(node instanceof Element)) continue;
          if (node.getAttribute('role') === 'progressbar') note(node);
          node.querySelectorAll('[role="progressbar"]').forEach(note);
        }
      }
    });
    const start = () => observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start);
  });
}

export function progressSeen(page: Page, label: string): Promise<number[]> {
  return page.evaluate(
    (wanted) => ((window as unknown as { __progress?: { label: string | null; value: number }[] }).__progress ?? []).filter((s) => s.label === wanted).map((s) => s.value),
    label,
  );
}
