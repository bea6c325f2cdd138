// The schema of a live database, read from pg_catalog (tables, columns, indexes, foreign keys, enums of the
// current schema) into a SchemaShape.
import type pg from "pg";
import type { ColumnShape, ForeignKeyShape, SchemaShape } from "./shape";

const ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function catalogShape(db: pg.ClientBase): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };

  const columns = await db.query<{ table: string; column: string | null; type: string; nullable: boolean; default: string | null; generated: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
           pg_get_expr(d.adbin, d.adrelid) AS default, a.attgenerated <> '' AS generated
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    ORDER BY c.relname, a.attnum`);
  for (const r of columns.rows) {
    const table = shape.tables.get(r.table) ?? new Map<string, ColumnShape>();
    shape.tables.set(r.table, table);
    if (r.column === null) continue;
    // A generated column's expression is not a default.
    table.set(r.column, { type: r.type, nullable: r.nullable, default: r.generated ? null : normaliseDefault(r.default) });
  }

  const indexColumns = await db.query<{ name: string; table: string; unique: boolean; primary: boolean; method: string; where: string | null; keys: number; position: number; column: string; desc: boolean; opclass: string | null; opcdefault: boolean | null }>(`
    SELECT i.relname AS name, t.relname AS table, x.indisunique AS unique, x.indisprimary AS primary, am.amname AS method,
           pg_get_expr(x.indpred, x.indrelid, true) AS where, x.indnkeyatts AS keys, k.n AS position,
           pg_get_indexdef(x.indexrelid, k.n, true) AS column, coalesce((x.indoption[k.n - 1] & 1) = 1, false) AS desc,
           oc.opcname AS opclass, oc.opcdefault
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_am am ON am.oid = i.relam
    CROSS JOIN LATERAL generate_series(1, x.indnatts) AS k(n)
    LEFT JOIN pg_opclass oc ON k.n <= x.indnkeyatts AND oc.oid = x.indclass[k.n - 1]
    WHERE n.nspname = current_schema()
    ORDER BY i.relname, k.n`);
  for (const r of indexColumns.rows) {
    let index = shape.indexes.get(r.name);
    if (!index) {
      index = { table: r.table, kind: r.primary ? "primary key" : r.unique ? "unique" : "index", method: r.method, columns: [], include: [], where: r.where };
      shape.indexes.set(r.name, index);
    }
    if (r.position > r.keys) index.include.push(r.column);
    else index.columns.push(`${r.column}${r.desc ? " DESC" : ""}${r.opclass && !r.opcdefault ? ` ${r.opclass}` : ""}`);
  }

  const foreignKeys = await db.query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string }>(`
    SELECT t.relname AS table, r.relname AS ref_table, con.confdeltype AS on_delete, con.confupdtype AS on_update,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY u(num, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.num ORDER BY u.ord) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY u(num, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = u.num ORDER BY u.ord) AS ref_columns
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`);
  for (const r of foreignKeys.rows) {
    const fk: ForeignKeyShape = { references: `${r.ref_table}(${r.ref_columns.join(", ")})`, onDelete: ACTIONS[r.on_delete], onUpdate: ACTIONS[r.on_update] };
    shape.foreignKeys.set(`${r.table}(${r.columns.join(", ")})`, fk);
  }

  const enums = await db.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema()
    GROUP BY t.typname`);
  for (const r of enums.rows) shape.enums.set(r.name, r.values);
  return shape;
}

/** Spellings of one default that PostgreSQL keeps apart: now() and CURRENT_TIMESTAMP, ARRAY[] and '{}'. */
function normaliseDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (expr === "now()") return "CURRENT_TIMESTAMP";
  return expr.replace(/^ARRAY\[\]::(.+)$/, "'{}'::$1");
}
