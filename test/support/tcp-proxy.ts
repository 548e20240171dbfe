import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy the test can cut (every connection dropped, new ones refused) and restore: a network partition; or
 * stall (nothing passes, nothing is dropped) and resume: a paused peer.
 */
export class TcpProxy {
  private server?: Server;
  /** Each open socket, and the one its bytes go to. */
  private readonly flows = new Map<Socket, Socket>();
  private cut = false;
  private stalled = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
      const pairs = [
        [client, upstream],
        [upstream, client],
      ] as const;
      for (const [a, b] of pairs) {
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.flows.delete(a);
          b.destroy();
        });
        this.flows.set(a, b);
        if (!this.stalled) a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** Drops every open connection and refuses new ones until restored. */
  partition(): void {
    this.cut = true;
    for (const socket of this.flows.keys()) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  /**
   * Stops passing bytes either way, connections kept open and new ones taken but left unanswered: what a paused
   * process (SIGSTOP) or a network that drops packets looks like to its clients, until `resume`.
   */
  stall(): void {
    this.stalled = true;
    for (const [from, to] of this.flows) {
      from.unpipe(to);
      from.pause();
    }
  }

  resume(): void {
    this.stalled = false;
    for (const [from, to] of this.flows) from.pipe(to);
  }

  async close(): Promise<void> {
    this.partition();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A started proxy in front of the tests' PostgreSQL, and the database URL that reaches it only through the proxy. */
export async function proxiedDatabase(): Promise<{ proxy: TcpProxy; databaseUrl: string }> {
  const real = new URL(process.env.DATABASE_URL!);
  const proxy = new TcpProxy(real.hostname, Number(real.port || 5432));
  await proxy.start();
  const behind = new URL(real);
  behind.hostname = '127.0.0.1';
  behind.port = String(proxy.port);
  return { proxy, databaseUrl: behind.toString() };
}
