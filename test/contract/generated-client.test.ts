import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const execute = promisify(execFile);

/** Runs a command; a failure carries what it printed. */
async function run(...args: Parameters<typeof execute>): Promise<{ stdout: string }> {
  try {
    const { stdout } = await execute(...args);
    return { stdout: String(stdout) };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Every file of a folder, relative path → content. */
function filesOf(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of filesOf(dir, relative)) files.set(k, v);
    else files.set(relative, readFileSync(path.join(dir, relative), 'utf8'));
  }
  return files;
}

/** Operation result types (`…Responses` and `…Errors`) that the generator could only type as `unknown`. */
function untypedResults(types: string): string[] {
  const found: string[] = [];
  for (const match of types.matchAll(/export type (\w+(?:Responses|Errors)) = \{([^}]*)\}/g)) {
    for (const line of match[2].split('\n')) if (/:\s*unknown;/.test(line)) found.push(`${match[1]} ${line.trim()}`);
  }
  return found;
}

describe('a client generated from the OpenAPI document', () => {
  let system: TestSystem;
  let work: string;
  beforeAll(async () => {
    system = await startTestSystem();
    work = mkdtempSync(path.join(tmpdir(), 'generated-client-'));
    const document = await system.http.get('/docs-json').expect(200);
    writeFileSync(path.join(work, 'openapi.json'), JSON.stringify(document.body));
    await run(
      bin('openapi-ts'),
      ['-i', path.join(work, 'openapi.json'), '-o', path.join(work, 'generated'), '-c', '@hey-api/client-fetch', '-s'],
      {
        cwd: work,
      },
    );
  }, 120_000);
  afterAll(() => system.close());

  it('types every response and every error of every operation', () => {
    const types = readFileSync(path.join(work, 'generated', 'types.gen.ts'), 'utf8');
    expect(types).toMatch(/export type CaseStatusDto = /);
    expect(types).toMatch(/export type ErrorBodyDto = /);
    expect(untypedResults(types)).toEqual([]);
    // Every operation declares its errors: one …Errors type per …Responses type.
    const responses = [...types.matchAll(/export type (\w+)Responses = /g)].map((m) => m[1]).sort();
    const errors = [...types.matchAll(/export type (\w+)Errors = /g)].map((m) => m[1]).sort();
    expect(errors).toEqual(responses);
    expect(responses.length).toBeGreaterThanOrEqual(30);
  });

  it('states limits as the server enforces them: integers, typed parameters, roles and headers', () => {
    const document = JSON.parse(readFileSync(path.join(work, 'openapi.json'), 'utf8'));
    const text = JSON.stringify(document);
    // Every number this API takes or gives is a whole number, except ratios and averages, which say so (double).
    expect(text.replaceAll('"type":"number","format":"double"', '')).not.toContain('"type":"number"');
    const operations = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item as Record<string, any>).map(([method, operation]) => ({
        name: `${method} ${route}`,
        operation,
      })),
    );
    for (const { name, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema ?? {};
        expect({ name, parameter: parameter.name, typed: Boolean(schema.type || schema.enum || schema.$ref) }).toEqual({
          name,
          parameter: parameter.name,
          typed: true,
        });
      }
      const headers = (operation.parameters ?? []).filter((p: any) => p.in === 'header').map((p: any) => p.name);
      expect({ name, headers }).toEqual({ name, headers: expect.arrayContaining(['Accept-Language']) });
      if (operation.security?.length)
        expect({ name, has401: '401' in operation.responses }).toEqual({ name, has401: true });
      if (operation['x-required-roles']) expect(operation.description).toContain('Roles:');
    }
    const creates = operations.filter(({ operation }) => operation.operationId?.startsWith('cases_create'));
    expect(creates).toHaveLength(7);
    for (const { operation } of creates) {
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['200', '201', '202', '400', '409', '422']),
      );
      expect(operation.parameters.map((p: any) => p.name)).toEqual(
        expect.arrayContaining(['Idempotency-Key', 'Prefer']),
      );
    }
  });

  it('is the client the web console is built on (UPDATE_CONSOLE_CLIENT=1 writes it to web/src/api)', () => {
    const generated = path.join(work, 'generated');
    const committed = path.join(root, 'web', 'src', 'api');
    if (process.env.UPDATE_CONSOLE_CLIENT === '1') {
      rmSync(committed, { recursive: true, force: true });
      cpSync(generated, committed, { recursive: true });
    }
    expect(Object.fromEntries(filesOf(committed))).toEqual(Object.fromEntries(filesOf(generated)));
  });

  it('drives a whole P1 case, type-checked with tsc --strict and no casts', async () => {
    copyFileSync(path.join(here, 'client-driver', 'drive-p1.ts'), path.join(work, 'drive-p1.ts'));
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      path.join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
          typeRoots: [path.join(root, 'node_modules', '@types')],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          outDir: 'out',
        },
        include: ['drive-p1.ts', 'generated'],
      }),
    );
    await run(bin('tsc'), ['-p', path.join(work, 'tsconfig.json')], { cwd: work });

    const tokens = {
      APPLICANT_TOKEN: system.as('hr-civil-xu').Authorization.slice(7),
      REVIEWER_TOKEN: system.as('hr-land-ma').Authorization.slice(7),
      AUDITOR_TOKEN: system.as('auditor').Authorization.slice(7),
    };
    const address = system.app.getHttpServer().address() as { port: number };
    const { stdout } = await run(process.execPath, [path.join(work, 'out', 'drive-p1.js')], {
      env: { ...process.env, ...tokens, API_URL: `http://127.0.0.1:${address.port}` },
    });
    const result = JSON.parse(stdout);
    expect(result.invalid).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: [['purpose', 'minLength']] });
    expect(result.started).toMatchObject({ status: 201, state: 'under-review' });
    expect(result.firstStep).toEqual({
      role: 'reviewer',
      department: 'hr-natural-resources',
      workingDays: 5,
      basis: 'statutory',
      article: '第二十一条',
    });
    expect(result.task.claimedBy).toBe('hr-land-ma');
    // Answered once recorded; the applicant's read right after already shows the case granted.
    expect(result.decided).toEqual({ closed: false, settling: true, decision: 'approve' });
    expect(result.status).toMatchObject({ outcome: 'granted', grantId: expect.any(String) });
    expect(result.listed).toBe(true);
    expect(result.grant).toEqual([{ id: result.status.grantId, status: 'active', items: ['unit-no', 'owner'] }]);
    expect(result.history).toEqual(
      expect.arrayContaining(['case-received', 'update:decide', 'grant-recorded', 'case-closed']),
    );
  }, 120_000);
});
