// A render worker that dies on its first job, as one hit by an out-of-memory kill would.
import { parentPort } from "node:worker_threads";

parentPort.on("message", () => process.exit(3));
