import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Vouch chat', template: '%s · Vouch chat' },
  description: 'Customer support answers, each one cited from an approved source.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
