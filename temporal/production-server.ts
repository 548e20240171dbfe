import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../workflows/contracts/search-attributes.js';
import { killAtOnce, startProcess, type ManagedProcess } from '../scripts/lib/child-process.js';
import { PROJECT_ROOT } from '../scripts/lib/project-paths.js';
import { portInUse } from '../scripts/lib/port-in-use.js';
import { supervisedIf, type Supervision } from '../scripts/lib/supervised-process.js';
import { waitFor } from '../scripts/lib/wait-for.js';
import { findOrBuildGoTool, type GoTool } from './go-tool.js';

export const TEMPORAL_SERVER_VERSION = '1.29.1';
export const TEMPORAL_UI_VERSION = '2.42.1';

const SERVER: GoTool = {
  label: `the Temporal server v${TEMPORAL_SERVER_VERSION}`,
  folder: 'temporal-server',
  binary: 'server',
  module: `go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
};
const SQL_TOOL: GoTool = {
  label: `the Temporal SQL tool v${TEMPORAL_SERVER_VERSION}`,
  folder: 'temporal-sql',
  binary: 'sql',
  module: `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
};
const UI_SERVER: GoTool = {
  label: `the Temporal Web UI server v${TEMPORAL_UI_VERSION}`,
  folder: 'temporal-ui',
  binary: 'server',
  module: `github.com/temporalio/ui-server/v2/cmd/server@v${TEMPORAL_UI_VERSION}`,
};

export interface ProductionServerOptions {
  toolsDir: string;
  /** Where its configuration and logs go. */
  dataDir: string;
  /** A URL of the PostgreSQL server to keep the engine's two databases on (its database part is ignored). */
  postgresUrl: string;
  /** Names of the engine's databases, created on first start. */
  databases: { main: string; visibility: string };
  /** Drop them first (a test run starts from nothing). */
  fresh?: boolean;
  /** Frontend gRPC port; the other services take the ports just above it. */
  port: number;
  /** Web UI port; omitted → no UI. */
  uiPort?: number;
  namespace: string;
  retentionDays: number;
  /** Browser origin of the API, whose codec endpoint the UI calls. */
  codecEndpoint?: string;
  log: (line: string) => void;
  /** The server and the UI are started again when they exit by themselves (their state is in PostgreSQL). */
  supervise?: Supervision;
}

export interface RunningProductionServer {
  address: string;
  stop(): Promise<void>;
  /** Kills the server process at once (a crash), leaving the UI. */
  kill(): Promise<void>;
}

interface PostgresTarget {
  host: string;
  port: string;
  user: string;
  password: string;
}

function targetOf(url: string): PostgresTarget {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port || '5432',
    user: decodeURIComponent(parsed.username || 'postgres'),
    password: decodeURIComponent(parsed.password),
  };
}

/** Creates the database unless it exists (after dropping it, when `fresh`). */
async function ensureDatabase(url: string, name: string, fresh: boolean): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const quoted = `"${name.replaceAll('"', '""')}"`;
  try {
    if (fresh) await client.query(`drop database if exists ${quoted} with (force)`);
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}

async function hasSchema(url: string, database: string): Promise<boolean> {
  const target = new URL(url);
  target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from information_schema.tables where table_name = 'schema_version'");
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** The SQL tool's embedded schemas: the version table once, then every update up to the binary's version. */
async function setUpSchema(
  sqlTool: string,
  url: string,
  database: string,
  schemaName: string,
  log: (line: string) => void,
): Promise<void> {
  const t = targetOf(url);
  const base = ['--plugin', 'postgres12', '--ep', t.host, '-p', t.port, '-u', t.user, '--db', database];
  if (t.password) base.push('--pw', t.password);
  const run = (args: string[]) => {
    const result = spawnSync(sqlTool, [...base, ...args], { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`temporal sql tool ${args[0]} on ${database} failed: ${result.stderr || result.stdout}`);
  };
  if (!(await hasSchema(url, database))) {
    log(`setting up the schema of ${database}`);
    run(['setup-schema', '-v', '0.0']);
  }
  run(['update-schema', '--schema-name', schemaName]);
}

function serverConfig(options: ProductionServerOptions): string {
  const t = targetOf(options.postgresUrl);
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${t.host}:${t.port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(t.user)}
        password: ${JSON.stringify(t.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  // Frontend on the port asked for; history, matching and worker just above it; membership ports 50 higher.
  const p = options.port;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `# Written by the project (temporal/production-server.ts) at each start.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: main
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    main:${store(options.databases.main, 20)}
    visibility:${store(options.databases.visibility, 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${p + 20}"
services:
  frontend:${service(p, p + 50, p + 10)}
  history:${service(p + 1, p + 51)}
  matching:${service(p + 2, p + 52)}
  worker:${service(p + 6, p + 56)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${p}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "config/dynamicconfig.yaml"
  pollInterval: "10s"
`;
}

function uiConfig(options: ProductionServerOptions): string {
  return `# Written by the project (temporal/production-server.ts) at each start.
temporalGrpcAddress: 127.0.0.1:${options.port}
host: 127.0.0.1
port: ${options.uiPort}
enableUi: true
defaultNamespace: ${options.namespace}
showTemporalSystemNamespace: false
cors:
  allowOrigins: []
codec:
  endpoint: ${options.codecEndpoint ?? ''}
  passAccessToken: false
`;
}

async function withConnection<T>(address: string, work: (c: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

const { IndexedValueType } = proto.temporal.api.enums.v1;
const KIND: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** The namespace with its retention, and the workflows' search attributes: registered once, kept after. */
async function ensureNamespace(address: string, options: ProductionServerOptions): Promise<void> {
  const { namespace, retentionDays } = options;
  await withConnection(address, async (c) => {
    const exists = await c.workflowService.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (!exists) {
      options.log(`registering namespace ${namespace} (retention ${retentionDays} days)`);
      await c.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
      });
    }
  });
  // A new namespace reaches every service's cache within its refresh interval: wait until it can be used.
  await waitFor(
    `namespace ${namespace}`,
    () =>
      withConnection(address, async (c) => {
        await c.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
      }),
    60_000,
  );
  await withConnection(address, async (c) => {
    const known = await c.operatorService.listSearchAttributes({ namespace });
    const missing = Object.entries(CUSTOM_SEARCH_ATTRIBUTES).filter(([name]) => !known.customAttributes?.[name]);
    if (missing.length)
      await c.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, KIND[type]!])),
      });
  });
}

/**
 * A real Temporal server (not the dev server) on PostgreSQL: the binaries
 * built once into the tools folder, its two databases and their schemas set
 * up with the SQL tool's embedded schemas, a configuration written here, the
 * namespace registered with its retention and the search attributes, and the
 * Web UI server in front of it. A second start keeps everything.
 */
export async function startProductionServer(options: ProductionServerOptions): Promise<RunningProductionServer> {
  // A server left behind by a killed run would answer in place of ours: refuse, and say so.
  if (await portInUse(options.port))
    throw new Error(
      `127.0.0.1:${options.port} is already in use (a Temporal server left from an earlier run?); stop it, or set TEMPORAL_ADDRESS to use it`,
    );
  const server = findOrBuildGoTool(options.toolsDir, SERVER, options.log);
  const sqlTool = findOrBuildGoTool(options.toolsDir, SQL_TOOL, options.log);
  for (const [database, schema] of [
    [options.databases.main, 'postgresql/v12/temporal'],
    [options.databases.visibility, 'postgresql/v12/visibility'],
  ] as const) {
    await ensureDatabase(options.postgresUrl, database, options.fresh ?? false);
    await setUpSchema(sqlTool, options.postgresUrl, database, schema, options.log);
  }

  const root = path.join(options.dataDir, 'temporal-server');
  mkdirSync(path.join(root, 'config'), { recursive: true });
  writeFileSync(path.join(root, 'config', 'production.yaml'), serverConfig(options));
  copyFileSync(
    path.join(PROJECT_ROOT, 'temporal', 'dynamicconfig.yaml'),
    path.join(root, 'config', 'dynamicconfig.yaml'),
  );
  mkdirSync(path.join(options.dataDir, 'logs'), { recursive: true });
  const log = openSync(path.join(options.dataDir, 'logs', `temporal-server-${options.port}.log`), 'a');
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    for (const child of processes.reverse()) await child.stop();
  };
  try {
    processes.push(
      supervisedIf(options.supervise, 'temporal-server', () =>
        startProcess(
          'temporal-server',
          server,
          ['--root', root, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'],
          { stdio: ['ignore', log, log], cwd: root },
        ),
      ),
    );
    const address = `127.0.0.1:${options.port}`;
    await waitFor(
      `Temporal server on ${address}`,
      async () => {
        if (processes[0]!.child.exitCode !== null)
          throw new Error(`exited with code ${processes[0]!.child.exitCode} (see .data/logs)`);
        await withConnection(address, (c) => c.workflowService.getSystemInfo({}));
      },
      120_000,
    );
    await ensureNamespace(address, options);

    if (options.uiPort) {
      const ui = findOrBuildGoTool(options.toolsDir, UI_SERVER, options.log);
      const uiRoot = path.join(options.dataDir, 'temporal-ui');
      mkdirSync(path.join(uiRoot, 'config'), { recursive: true });
      writeFileSync(path.join(uiRoot, 'config', 'production.yaml'), uiConfig(options));
      processes.push(
        supervisedIf(options.supervise, 'temporal-ui', () =>
          startProcess('temporal-ui', ui, ['--root', uiRoot, '--env', 'production', 'start'], {
            stdio: ['ignore', log, log],
            cwd: uiRoot,
          }),
        ),
      );
    }
    const kill = () => killAtOnce(processes[0]!.child);
    return { address, stop, kill };
  } catch (error) {
    await stop();
    throw error;
  }
}
