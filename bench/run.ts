/**
 * npm run bench [-- --only fanout,inbound,inbox,rollup,parser,startup,tick,sandbox,cluster,postgres] [--chats N]
 * Prints one table of every measured figure. Loopback only; every loop is bounded.
 */
import { parseArgs } from "node:util";
import { benchCluster } from "./cluster-bench.js";
import { type BenchRow, benchFanout } from "./fanout-bench.js";
import { benchInbound } from "./inbound-bench.js";
import { benchInbox } from "./inbox-bench.js";
import { benchParser } from "./parser-bench.js";
import { benchPostgres } from "./postgres-bench.js";
import { benchRollup } from "./rollup-bench.js";
import { benchRollupLoad } from "./rollup-load-bench.js";
import { benchSandboxStart } from "./sandbox-start-bench.js";
import { benchStartup } from "./startup-bench.js";
import { benchTick } from "./tick-bench.js";

const { values } = parseArgs({ options: { only: { type: "string" }, chats: { type: "string" } } });
const only = values.only ? new Set(values.only.split(",")) : undefined;
const want = (name: string) => !only || only.has(name);
const rows: BenchRow[] = [];

if (want("inbound")) rows.push(...(await benchInbound()));
if (want("inbox")) rows.push(...(await benchInbox()));
if (want("rollup")) rows.push(...(await benchRollup()), ...(await benchRollupLoad()));
if (want("parser")) rows.push(...benchParser());
if (want("startup")) rows.push(...(await benchStartup()));
if (want("tick")) rows.push(...(await benchTick()));
if (want("sandbox")) rows.push(...(await benchSandboxStart()));
if (want("fanout")) rows.push(...(await benchFanout(values.chats ? Number(values.chats) : 3321)));
if (want("cluster")) rows.push(...(await benchCluster()));
// SQLite beside PostgreSQL (BENCH_POSTGRES_URL or TEST_POSTGRES_URL; skipped with a note without one).
if (want("postgres")) rows.push(...(await benchPostgres()));

console.table(rows);
