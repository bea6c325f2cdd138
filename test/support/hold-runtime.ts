// A stand-in for `npm start` without the web server: claims the data folder (STARBOARD_DATA_DIR) through the
// same local runtime, prints READY <database url>, and shuts down on a signal exactly as the dashboard does.
// With --share it behaves like a job started beside the dashboard. Used by lib/runtime/local.int.test.ts.
import { onShutdownSignal, prepareLocalRuntime } from "../../lib/runtime/local";

const log = (line: string) => console.log(`starboard: ${line}`);
const runtime = await prepareLocalRuntime({ log, share: process.argv.includes("--share") });
onShutdownSignal(
  async (signal) => {
    log(`${signal}: stopping`);
    await runtime.stop();
    log("stopped");
  },
  () => runtime.stop({ force: true }),
);
console.log(`READY ${runtime.env.DATABASE_URL}`);
setInterval(() => {}, 1 << 30);
