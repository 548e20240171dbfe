import { ConfigError, loadConfig } from '../../../src/config/app-config.js';

describe('loadConfig', () => {
  const valid = {
    DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db',
    JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
  };

  it('applies defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_TASK_QUEUE: 'approvals',
      ADMINISTRATIVE_TARGETS: { default: 10 },
    });
  });

  it('names every missing or bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', TEMPORAL_ADDRESS: 'nowhere', JWT_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', TEMPORAL_ADDRESS: 'nowhere', JWT_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'JWT_SECRET']) expect(message).toContain(name);
    }
  });

  it('needs a secret or a JWKS URL', () => {
    expect(() => loadConfig({ DATABASE_URL: valid.DATABASE_URL })).toThrow(/JWT_SECRET or JWT_JWKS_URL/);
  });

  it('reads administrative targets as JSON and rejects nonsense', () => {
    expect(
      loadConfig({ ...valid, ADMINISTRATIVE_TARGETS: '{"share-request.review":5}' }).ADMINISTRATIVE_TARGETS,
    ).toEqual({ default: 10, 'share-request.review': 5 });
    expect(() => loadConfig({ ...valid, ADMINISTRATIVE_TARGETS: '{"x":-1}' })).toThrow(/ADMINISTRATIVE_TARGETS/);
    expect(() => loadConfig({ ...valid, ADMINISTRATIVE_TARGETS: 'ten' })).toThrow(/ADMINISTRATIVE_TARGETS/);
  });
});
