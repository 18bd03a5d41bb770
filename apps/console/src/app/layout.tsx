import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Vouch console', template: '%s · Vouch console' },
  description: 'Configure grounded AI support agents, review knowledge and work the human inbox.',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="h-full bg-slate-50">
      <body className="h-full font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
