import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { JwtVerifier } from '../../../src/auth/jwt-verifier.js';
import { mintToken } from '../../../src/auth/token-minter.js';
import { DomainError } from '../../../src/common/errors/domain-error.js';
import { loadConfig } from '../../../src/config/app-config.js';

type SigningKey = Parameters<SignJWT['sign']>[0];

const actor = { id: 'u1', name: '测试用户', role: 'reviewer', department: 'jm-market' } as const;
const base = { DATABASE_URL: 'postgresql://localhost/x' };

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('JwtVerifier with an HS256 secret', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const config = loadConfig({ ...base, JWT_SECRET: secret });
  const verifier = new JwtVerifier(config);
  const options = { secret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };

  it('turns valid claims into the actor', async () => {
    expect(await verifier.verify(await mintToken(actor, options))).toEqual(actor);
  });

  it.each([
    ['another secret', { ...options, secret: 'another-secret-of-at-least-thirty-two-chars' }],
    ['another audience', { ...options, audience: 'someone-else' }],
    ['an expired token', { ...options, expiresIn: '-1m' }],
  ])('rejects %s as unauthenticated', async (_, other) => {
    const error = await rejection(verifier.verify(await mintToken(actor, other)));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'AUTH_TOKEN_INVALID' });
  });

  it('imports the secret once, not once per token', async () => {
    const imports = jest.spyOn(crypto.subtle, 'importKey');
    try {
      const fresh = new JwtVerifier(config);
      for (let i = 0; i < 3; i += 1) expect(await fresh.verify(await mintToken(actor, options))).toEqual(actor);
      const verifying = imports.mock.calls.filter(([, , , , usages]) => [...usages].includes('verify'));
      expect(verifying).toHaveLength(1);
    } finally {
      imports.mockRestore();
    }
  });

  it('requires exp and iat, and refuses a token that lives longer than the configured maximum', async () => {
    const key = new TextEncoder().encode(secret);
    const unsigned = () =>
      new SignJWT({ name: actor.name, role: actor.role, department: actor.department })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.id)
        .setIssuer(config.JWT_ISSUER)
        .setAudience(config.JWT_AUDIENCE);
    const forever = await unsigned().setIssuedAt().sign(key);
    expect((await rejection(verifier.verify(forever))).text.en).toContain('claim exp missing');
    const long = await mintToken(actor, { ...options, expiresIn: '13h' });
    expect((await rejection(verifier.verify(long))).text.en).toContain('lives longer than 12 h');
    expect(await verifier.verify(await mintToken(actor, { ...options, expiresIn: '12h' }))).toEqual(actor);
  });

  it('says why in plain words, not the library’s error codes', async () => {
    const forged = await mintToken(actor, { ...options, secret: 'another-secret-of-at-least-thirty-two-chars' });
    const error = await rejection(verifier.verify(forged));
    expect(error.text.en).toContain('signature does not verify');
    expect(error.text.en).not.toMatch(/ERR_/);
  });

  it('rejects a token whose role is not one of the system’s', async () => {
    const token = await mintToken({ ...actor, role: 'superuser' as never }, options);
    expect(await rejection(verifier.verify(token))).toMatchObject({
      code: 'AUTH_TOKEN_INVALID',
      text: { en: expect.stringContaining('unknown role') },
    });
  });
});

describe('JwtVerifier with a JWKS URL', () => {
  let server: Server;
  let url: string;
  let privateKey: SigningKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as SigningKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies tokens signed with a key the JWKS publishes', async () => {
    const config = loadConfig({ ...base, JWT_JWKS_URL: url });
    const sign = (key: SigningKey) =>
      new SignJWT({ name: actor.name, role: actor.role, department: actor.department })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(actor.id)
        .setIssuer(config.JWT_ISSUER)
        .setAudience(config.JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const verifier = new JwtVerifier(config);
    expect(await verifier.verify(await sign(privateKey))).toEqual(actor);
    const stranger = (await generateKeyPair('RS256')).privateKey as SigningKey;
    expect(await rejection(verifier.verify(await sign(stranger)))).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });
});
