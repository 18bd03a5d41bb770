import { createServer, type IncomingMessage, type Server } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (panva's oidc-provider) on loopback for the SSO end-to-end
 * tests. Its login page is a minimal custom interaction the browser fills in: any email
 * signs in as that account (sub = email); a checkbox says whether a second factor was used
 * (then the ID token's `amr` is ["pwd","otp"]), another whether the email counts as verified.
 */
export interface TTestIdp {
  issuer: string;
  close(): Promise<void>;
}

export interface TTestIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface TAccount {
  email: string;
  emailVerified: boolean;
  amr: string[];
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:flex;justify-content:center;padding-top:64px}
form{background:#1e293b;padding:24px 28px;border-radius:12px;width:320px;display:grid;gap:12px}
input[type=email]{padding:8px;border-radius:6px;border:1px solid #475569;background:#0f172a;color:#e2e8f0}
button{padding:10px;border:0;border-radius:6px;background:#22c55e;color:#052e16;font-weight:600;cursor:pointer}
label{display:flex;gap:8px;align-items:center;font-size:14px}</style></head><body>${body}</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestIdp({ port, client }: { port: number; client: TTestIdpClient }): Promise<TTestIdp> {
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, TAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub) ?? { email: sub, emailVerified: false, amr: ['pwd'] };
      return {
        accountId: sub,
        claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.email.split('@')[0], amr: account.amr }),
      };
    },
    // `amr` rides with the openid scope so it reaches the ID token without a claims parameter.
    claims: { acr: null, auth_time: null, sid: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the scope's claims into the ID token (next-auth reads the profile from it).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['vouch-e2e-test-idp-cookie-key'] },
    pkce: { required: () => true },
  });
  const oidc = provider.callback();

  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split('?')[0] ?? '');
    if (!match) return oidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET' && !match[2]) {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(
            page(
              'Test IdP sign-in',
              `<form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
<h1 style="margin:0;font-size:20px">Test identity provider</h1>
<label for="email" style="display:block">Email</label><input id="email" name="email" type="email" required autofocus>
<label><input type="checkbox" name="verified" checked> Email verified</label>
<label><input type="checkbox" name="mfa"> Used a second factor</label>
<button type="submit">Sign in to the test IdP</button></form>`,
            ),
          );
          return;
        }
        const form = await readForm(req);
        const email = (form.get('email') ?? '').trim().toLowerCase();
        const amr = form.get('mfa') === 'on' ? ['pwd', 'otp'] : ['pwd'];
        accounts.set(email, { email, emailVerified: form.get('verified') === 'on', amr });
        const grant = new provider.Grant({ accountId: email, clientId: String(details.params.client_id) });
        grant.addOIDCScope('openid email profile');
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: email, amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
