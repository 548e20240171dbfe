import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A secret kept in the data folder, made on first use, so that it survives restarts. */
function keptSecret(dataDir: string, name: string, make: () => string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, make(), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** JWT_SECRET, else a random secret kept in the data folder so tokens survive restarts. */
export function localJwtSecret(dataDir: string): string {
  return process.env.JWT_SECRET || keptSecret(dataDir, 'jwt-secret', () => randomBytes(32).toString('base64url'));
}

/** PAYLOAD_KEYS, else one AES-256 key kept in the data folder (the engine's payloads stay readable across restarts). */
export function localPayloadKeys(dataDir: string): string {
  return (
    process.env.PAYLOAD_KEYS ||
    keptSecret(dataDir, 'payload-keys.json', () => JSON.stringify({ k1: randomBytes(32).toString('base64') }))
  );
}
