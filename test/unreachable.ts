// A loopback URL where nothing listens: connections are refused at once, as when Apple cannot be reached.
// Never a non-loopback host and never a DNS name, so no test traffic leaves the machine or asks a resolver.
import net from "node:net";

export async function unreachableLoopbackUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
