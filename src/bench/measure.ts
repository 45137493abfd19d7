/** Measurement helpers: latency percentiles, a keep-alive GraphQL client, formatting. */
import http from 'node:http';

export interface Latency {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { runs: s.length, p50Ms: round(percentile(s, 50)), p99Ms: round(percentile(s, 99)), meanMs: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

/**
 * Times several contenders in turn: run i of each, in an order that rotates, so that none is measured
 * on caches the others warmed or in a quieter minute than the others. A contender that throws is
 * left out from then on, with its error.
 */
export async function timeInterleaved(runs: number, warmup: number, fns: ((i: number) => Promise<unknown>)[]): Promise<(Latency | Error)[]> {
  const samples: number[][] = fns.map(() => []);
  const errors: (Error | null)[] = fns.map(() => null);
  for (let i = -warmup; i < runs; i++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (((i + j) % fns.length) + fns.length) % fns.length;
      if (errors[k]) continue;
      const t = performance.now();
      try {
        await fns[k](i < 0 ? i + warmup : i);
      } catch (e) {
        errors[k] = e instanceof Error ? e : new Error(String(e));
        continue;
      }
      if (i >= 0) samples[k].push(performance.now() - t);
    }
  }
  return fns.map((_, k) => errors[k] ?? summarize(samples[k]));
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** POSTs a GraphQL request; throws on HTTP or GraphQL errors (a benchmark of errors is worthless). */
export function postGraphql(port: number, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
            if (res.statusCode !== 200 || json.errors?.length) reject(new Error(`HTTP ${res.statusCode}: ${json.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 300)}`));
            else resolve(json.data);
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function closeAgent(): void {
  agent.destroy();
}

/** A plain-text table with right-aligned numbers. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
