// Serves a built Next.js app (the app folder is the working directory) like `next start`, and
// stamps each request with the socket's peer address in `x-vouch-peer-ip`, overwriting anything
// a client sent. Next itself only exposes client-controllable headers, and IP allowlists need
// the one address a client cannot forge.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

// `next` is a dependency of the app being served, not of this script's folder.
const requireFromApp = createRequire(path.join(process.cwd(), 'package.json'));
type TNextServer = {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
};
const next = requireFromApp('next') as (options: { dev: boolean; dir: string; hostname: string; port: number }) => TNextServer;

export const PEER_IP_HEADER = 'x-vouch-peer-ip';

const port = Number.parseInt(process.argv[2] ?? process.env.PORT ?? '3000', 10);
const hostname = process.env.HOST ?? '0.0.0.0';
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  req.headers[PEER_IP_HEADER] = req.socket.remoteAddress ?? '';
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`[serve] ${process.cwd().split('/').pop()} listening on http://localhost:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
