import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { webcrypto } from 'node:crypto';
import { isRole, type Actor } from '../../workflows/contracts/actor.js';
import { AppConfig } from '../config/app-config.js';
import { invalidToken } from './auth-errors.js';

/** Why a token was refused, in plain words (not the library's error codes). */
function plainReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} missing or not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not accepted';
  return 'unreadable';
}

/** Verifies bearer tokens (HS256 secret or a JWKS URL) and turns their claims into an Actor. */
@Injectable()
export class JwtVerifier {
  private readonly key: Promise<webcrypto.CryptoKey> | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: AppConfig) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
      this.algorithms = ['RS256', 'ES256', 'EdDSA'];
    } else {
      // Imported once: given the raw secret, the library would import it again for every request.
      this.key = crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(config.JWT_SECRET),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<Actor> {
    let payload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['exp', 'iat'],
      };
      ({ payload } = await (typeof this.key === 'function'
        ? jwtVerify(token, this.key, options)
        : jwtVerify(token, await this.key, options)));
    } catch (error) {
      throw invalidToken(plainReason(error));
    }
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime > this.config.JWT_MAX_LIFETIME_HOURS * 3600) {
      throw invalidToken(`lives longer than ${this.config.JWT_MAX_LIFETIME_HOURS} h`);
    }
    const { sub, name, role, department } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || !sub) throw invalidToken('no sub');
    if (typeof name !== 'string' || !name) throw invalidToken('no name');
    if (!isRole(role)) throw invalidToken('unknown role');
    if (typeof department !== 'string' || !department) throw invalidToken('no department');
    return { id: sub, name, role, department };
  }
}
