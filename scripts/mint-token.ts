import { DEMO_USERS, findDemoUser } from '../src/auth/demo-users.js';
import { mintToken } from '../src/auth/token-minter.js';
import { AppConfig } from '../src/config/app-config.js';
import { localJwtSecret } from './lib/local-secrets.js';
import { DATA_DIR } from './lib/project-paths.js';

/** Prints a bearer token for a seeded demo user: `./scripts/mint-token <user-id>`; no argument lists the users. */
const userId = process.argv[2];
const user = userId ? findDemoUser(userId) : undefined;
if (!user) {
  if (userId) process.stderr.write(`unknown demo user: ${userId}\n\n`);
  process.stderr.write('usage: ./scripts/mint-token <user-id>\n\ndemo users:\n');
  for (const u of DEMO_USERS)
    process.stderr.write(`  ${u.id.padEnd(18)} ${u.role.padEnd(13)} ${u.department.padEnd(22)} ${u.name}\n`);
  process.exit(userId ? 1 : 0);
}
const defaults = new AppConfig();
const token = await mintToken(user, {
  secret: localJwtSecret(DATA_DIR),
  issuer: process.env.JWT_ISSUER ?? defaults.JWT_ISSUER,
  audience: process.env.JWT_AUDIENCE ?? defaults.JWT_AUDIENCE,
  expiresIn: process.env.TOKEN_TTL ?? '8h',
});
process.stdout.write(`${token}\n`);
