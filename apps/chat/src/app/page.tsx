import { findDemoWidgetKey } from '@vouch/core';
import type { Metadata } from 'next';
import { env } from '~/env';

export const metadata: Metadata = { title: 'Acme Inc. help center (widget demo)' };
// The key is looked up per request: it is generated when the demo tenant is seeded.
export const dynamic = 'force-dynamic';

const ARTICLES = [
  { title: 'Resetting your password', body: 'Send yourself a reset link from the sign-in page; links expire after 30 minutes.' },
  { title: 'Shipping times and tracking', body: 'Orders leave our warehouse within two business days. Tracking arrives by email.' },
  { title: 'Returns and refunds', body: 'Return unused items within 30 days. Refunds reach your card 5–10 days after we receive them.' },
  { title: 'Changing your plan', body: 'Upgrade or downgrade any time from Billing; changes apply from the next invoice.' },
];

/**
 * A stand-in customer site. It embeds the widget exactly as a customer would, with the real
 * script tag, so the e2e tests exercise the real loader. The key is CHAT_DEMO_TENANT's
 * production widget key (`pnpm vouch seed` creates it), read through a definer function that
 * returns only that public key; without a demo tenant the page says so instead of faking one.
 */
export default async function DemoHostPage() {
  const tenant = env().CHAT_DEMO_TENANT;
  const widgetKey = tenant ? await findDemoWidgetKey(tenant) : null;
  return (
    <div className="min-h-full bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
          <span className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
            <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-md bg-orange-500 text-white">
              A
            </span>
            Acme Inc.
          </span>
          <nav aria-label="Site" className="hidden gap-6 text-sm text-slate-600 sm:flex">
            <a href="#articles" className="hover:text-slate-900">
              Help articles
            </a>
            <a href="#contact" className="hover:text-slate-900">
              Contact
            </a>
          </nav>
        </div>
      </header>
      <main>
        <section className="bg-gradient-to-b from-orange-50 to-white">
          <div className="mx-auto max-w-5xl px-6 py-16">
            <p className="text-sm font-semibold text-orange-600">Help center</p>
            <h1 className="mt-2 text-4xl font-bold tracking-tight text-slate-900">How can we help?</h1>
            <p className="mt-4 max-w-xl text-slate-600">
              Browse the articles below, or open the chat in the corner: our assistant answers from these articles and says
              which one it used.
            </p>
          </div>
        </section>
        <section id="articles" aria-labelledby="articles-heading" className="mx-auto max-w-5xl px-6 pb-16">
          <h2 id="articles-heading" className="text-lg font-semibold text-slate-900">
            Popular articles
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {ARTICLES.map((article) => (
              <li key={article.title} className="rounded-xl border border-slate-200 p-5">
                <h3 className="font-medium text-slate-900">{article.title}</h3>
                <p className="mt-1 text-sm text-slate-600">{article.body}</p>
              </li>
            ))}
          </ul>
          <p id="contact" className="mt-10 text-sm text-slate-500">
            This page is a demo host for the Vouch widget; Acme Inc. is fictional.
          </p>
        </section>
      </main>
      {widgetKey ? (
        // The embed snippet, exactly as a customer pastes it.
        <script src="/widget.js" data-agent={widgetKey} async />
      ) : (
        <p role="status" className="mx-auto max-w-5xl px-6 pb-10 text-sm text-amber-800">
          No demo widget: set CHAT_DEMO_TENANT to a seeded tenant (e.g. acme, after `pnpm vouch seed`).
        </p>
      )}
    </div>
  );
}
