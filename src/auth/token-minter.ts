import { SignJWT } from 'jose';
import type { Actor } from '../../workflows/contracts/actor.js';

export interface MintOptions {
  secret: string;
  issuer: string;
  audience: string;
  expiresIn?: string;
}

/** Issues an HS256 token for an actor; for demos, tests and benchmarks. */
export async function mintToken(actor: Actor, options: MintOptions): Promise<string> {
  return new SignJWT({ name: actor.name, role: actor.role, department: actor.department })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret));
}
