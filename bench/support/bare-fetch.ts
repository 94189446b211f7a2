import http from 'node:http';

/**
 * The bare parts of a sweep: Node's HTTP client with a keep-alive agent asks every host at once, each host's URLs one
 * after another, and reads each body as text. No guard, no queue, no parsing, no database. Returns seconds; the
 * first round warms up and is not counted.
 */
export async function bareSweep(urlsByHost: string[][], rounds = 3): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  const get = (url: string) =>
    new Promise<string>((resolve, reject) => {
      http
        .get(url, { agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          response.on('error', reject);
        })
        .on('error', reject);
    });
  try {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      await Promise.all(urlsByHost.map(async (urls) => {
        for (const url of urls) await get(url);
      }));
      if (r > 0) best = Math.min(best, (performance.now() - t) / 1000);
    }
    return best;
  } finally {
    agent.destroy();
  }
}
