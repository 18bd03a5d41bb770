import { NextResponse, type NextRequest } from 'next/server';
import { decideEmbed, embedContentSecurityPolicy } from '~/server/embed-policy';

/**
 * /embed is the only frameable page, and only by the widget key's allowed origins: its
 * frame-ancestors policy is computed per request from the key (see embed-policy.ts).
 */
export async function proxy(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const decision = await decideEmbed(params.get('agent'), params.get('host'));
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(decision));
  return response;
}

export const config = { matcher: '/embed' };
