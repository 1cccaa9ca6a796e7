import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Db, openDatabase, poolOf } from "./database.js";

const SCHEMA = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const BATCH = 1_000;

/**
 * The schema's models (tables), each after the models it refers to: a copy in this order never
 * writes a row before the row it points at. Read from prisma/schema.prisma, so a new model is copied too.
 * @example modelsInDependencyOrder()[0] // → "Unit"
 */
export function modelsInDependencyOrder(schema = readFileSync(SCHEMA, "utf8")): string[] {
  const models = new Map<string, Set<string>>();
  for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const refs = new Set<string>();
    for (const r of m[2].matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\([^)]*fields:/gm)) if (r[1] !== m[1]) refs.add(r[1]);
    models.set(m[1], refs);
  }
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (path.includes(name)) throw new Error(`circular relation: ${[...path, name].join(" → ")}`);
    for (const ref of models.get(name) ?? []) visit(ref, [...path, name]);
    order.push(name);
  };
  for (const name of models.keys()) visit(name, []);
  return order;
}

type Delegate = {
  count(): Promise<number>;
  findMany(args: object): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  deleteMany(): Promise<{ count: number }>;
};
const delegate = (db: Db, model: string) =>
  (db as unknown as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];

/** One table's rows in the source and, after the copy, in the target. */
export interface TableCount {
  table: string;
  source: number;
  target: number;
}

/** The target already holds rows (and `force` was not given). */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: { table: string; rows: number }[]) {
    super(`the target database is not empty: ${tables.map((t) => `${t.table} (${t.rows})`).join(", ")}`);
    this.name = "TargetNotEmptyError";
  }
}

/**
 * Copies every table from one database to another (SQLite → PostgreSQL, or either way), in
 * dependency order, ids kept, through Prisma (each side's types converted by its own adapter);
 * PostgreSQL's id sequences are moved past the copied ids. Both sides are migrated first. A
 * target with rows is refused unless `force` (then it is emptied first). Counts are read again at
 * the end: `ok` is false when any table differs.
 * @example const { tables, ok } = await copyDatabase({ from: "file:./data/don-doc.db", to: "postgresql://…" });
 */
export async function copyDatabase(options: {
  from: string;
  to: string;
  force?: boolean;
  onTable?: (table: string, rows: number) => void;
  /** Rows read and written at a time. */
  batch?: number;
}): Promise<{ tables: TableCount[]; ok: boolean }> {
  const batch = options.batch ?? BATCH;
  const models = modelsInDependencyOrder();
  const source = await openDatabase(options.from);
  let target: Db | undefined;
  try {
    target = await openDatabase(options.to);
    const present: { table: string; rows: number }[] = [];
    for (const model of models) {
      const rows = await delegate(target, model).count();
      if (rows) present.push({ table: model, rows });
    }
    if (present.length && !options.force) throw new TargetNotEmptyError(present);
    for (const model of [...models].reverse()) await delegate(target, model).deleteMany();
    const tables: TableCount[] = [];
    for (const model of models) {
      const from = delegate(source, model);
      const to = delegate(target, model);
      let copied = 0;
      // Keyset pages (after the last id; ids are 32-bit), not offsets: each page is an index range however far in.
      for (let after = -2_147_483_648; ; ) {
        const rows = await from.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: batch });
        if (!rows.length) break;
        await to.createMany({ data: rows });
        copied += rows.length;
        after = rows.at(-1)!.id as number;
      }
      options.onTable?.(model, copied);
      tables.push({ table: model, source: await from.count(), target: 0 });
    }
    const pool = poolOf(target);
    // Ids were written explicitly: the next row must get an id after them, not 1.
    if (pool)
      for (const model of models)
        await pool.query(
          `SELECT setval(pg_get_serial_sequence('"${model}"', 'id'), COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "${model}"
           WHERE pg_get_serial_sequence('"${model}"', 'id') IS NOT NULL`,
        );
    for (const t of tables) t.target = await delegate(target, t.table).count();
    return { tables, ok: tables.every((t) => t.source === t.target) };
  } finally {
    await source.$disconnect();
    await target?.$disconnect();
  }
}
