/**
 * Round trips between the app and PostgreSQL, counted on the wire: a TCP relay between a
 * connection pool and the server counts, per connection, each time the client starts sending
 * after the server has answered (a "flight"). Statements sent together without waiting count
 * once; a statement that waits for an answer before it can be sent (postgres.js describes an
 * unprepared parameterized statement first, then binds it) counts twice. It is driver-agnostic
 * and conservative: a batch the server starts answering before the client has finished writing
 * it counts as more than one.
 */
import net from 'node:net';

export type FlightCounter = {
  /** A URL like `url` that reaches the server through the relay. */
  url: string;
  /** Flights so far, over every connection. */
  flights: () => number;
  close: () => Promise<void>;
};

export async function countingRelay(url: string): Promise<FlightCounter> {
  const target = new URL(url);
  const host = target.hostname;
  const port = Number(target.port || 5432);
  let flights = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host, port });
    let serverSpoke = true;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (serverSpoke) flights++;
      serverSpoke = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      serverSpoke = true;
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    flights: () => flights,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
