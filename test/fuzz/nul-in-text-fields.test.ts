import { DEMO_USERS } from '../../src/auth/demo-users.js';
import { sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

type Schema = Record<string, any>;

const ROLE_USER = new Map(DEMO_USERS.map((u) => [u.role, u.id] as const));

/** Every string a request body can carry, as a path of property names (`[]` for an array's item). */
function textPaths(schema: Schema, components: Schema, prefix: string[] = [], depth = 0): string[][] {
  if (schema.$ref) return textPaths(components[schema.$ref.split('/').pop()], components, prefix, depth);
  if (depth > 5) return [];
  if (schema.type === 'string') return [prefix];
  if (schema.type === 'array') return textPaths(schema.items ?? {}, components, [...prefix, '[]'], depth + 1);
  const paths: string[][] = [];
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {}))
    paths.push(...textPaths(property, components, [...prefix, name], depth + 1));
  if (schema.additionalProperties?.type === 'string') paths.push([...prefix, 'someKey']);
  return paths;
}

/** A body holding `value` at `path` and nothing else. */
function bodyWith(path: string[], value: string): object | string {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = bodyWith(rest, value);
  return head === '[]' ? [inner] : { [head]: inner };
}

function pathValue(parameter: Schema): string {
  if (parameter.schema?.enum) return String(parameter.schema.enum[0]);
  if (parameter.schema?.type === 'integer') return String(parameter.schema.minimum ?? 2030);
  return 'x';
}

/**
 * Every text field a request body can carry, with a NUL byte in it, on every
 * operation that takes a body: 400 naming that field, no row written. Text that
 * reaches a workflow (and through it PostgreSQL) is clean at the edge.
 */
describe('a NUL byte in any text field of any request body', () => {
  let system: TestSystem;
  let document: Schema;
  beforeAll(async () => {
    system = await startTestSystem({ withoutWorker: true });
    document = (await system.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => system.close());

  it('is refused with 400 and a field error for that field, and changes nothing', async () => {
    const tables = (
      await sql<{ name: string }>(
        system,
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'mikro_orm%'",
      )
    ).map((t) => t.name);
    const counts = async () =>
      JSON.stringify(
        await sql(system, `select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`),
      );
    const before = await counts();
    const checked: string[] = [];
    const misses: string[] = [];

    for (const [route, item] of Object.entries<Schema>(document.paths)) {
      for (const method of ['post', 'put'] as const) {
        const operation = item[method];
        const schema = operation?.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const role = (operation['x-required-roles'] as string[] | undefined)?.[0] ?? 'applicant';
        const user = ROLE_USER.get(role as never)!;
        let url = route;
        for (const p of (operation.parameters ?? []) as Schema[])
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(pathValue(p)));
        for (const path of textPaths(schema, document.components.schemas)) {
          const response = await system.http[method](url).set(system.as(user)).send(bodyWith(path, '正文\u0000'));
          const top = path[0] === '[]' ? '' : path[0];
          const named = (response.body.errors ?? []).some((e: { field: string }) => e.field.startsWith(top));
          const label = `${method.toUpperCase()} ${route} ${path.join('.')}`;
          checked.push(label);
          if (response.status !== 400 || !named) misses.push(`${label}: ${response.status} ${response.text}`);
        }
      }
    }
    process.stderr.write(`[nul] ${checked.length} text fields of request bodies checked\n`);
    expect(misses).toEqual([]);
    // Every procedure's start and every decision carries text: the walk found them.
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /cases/share-requests purpose',
        'POST /cases/corrections description',
        'POST /cases/open-data-applications scope',
        'POST /tasks/{id}/complete reasons',
        'POST /tasks/{id}/complete details.someKey',
        'POST /cases/{id}/supplements content',
      ]),
    );
    expect(checked.length).toBeGreaterThan(30);
    expect(await counts()).toBe(before);
  });
});
