// One description of a database schema, built from either side — the migrated database's catalog or
// schema.prisma — so that the two can be compared, with the differences spelled out one per line.

export interface ColumnShape {
  /** As PostgreSQL's format_type prints it: "timestamp(3) with time zone", "character varying(2)", "text[]". */
  type: string;
  nullable: boolean;
  /** As pg_get_expr prints it ("CURRENT_TIMESTAMP", "'queued'::sync_status"); null when there is none. */
  default: string | null;
}

export interface IndexShape {
  table: string;
  kind: "primary key" | "unique" | "index";
  method: string;
  /** Key columns, e.g. "created_at_in_store DESC", "reviewer_nickname gin_trgm_ops". */
  columns: string[];
  /** INCLUDE columns and the WHERE of a partial index: things schema.prisma cannot say. */
  include: string[];
  where: string | null;
}

export interface ForeignKeyShape {
  /** "users(id)" */
  references: string;
  onDelete: string;
  onUpdate: string;
}

export interface SchemaShape {
  tables: Map<string, Map<string, ColumnShape>>;
  /** By index name. */
  indexes: Map<string, IndexShape>;
  /** By "table(columns)". */
  foreignKeys: Map<string, ForeignKeyShape>;
  /** Enum type name → its values in order. */
  enums: Map<string, string[]>;
}

/** What exists only in SQL on purpose, each with the reason; keys as in the difference lines. */
export interface SqlOnly {
  tables?: Record<string, string>;
  /** "table.column" */
  columns?: Record<string, string>;
  indexes?: Record<string, string>;
  /** "table(columns)" */
  foreignKeys?: Record<string, string>;
}

/**
 * Every difference between the migrated database and schema.prisma, one line each, naming the object and both
 * sides. An allowance for something that no longer exists is a difference too, so the list stays true.
 */
export function diffSchemas(database: SchemaShape, prisma: SchemaShape, sqlOnly: SqlOnly = {}): string[] {
  const out: string[] = [];
  const allowed = (kind: keyof SqlOnly, key: string) => sqlOnly[kind]?.[key] !== undefined;
  const used = new Set<string>();
  const use = (kind: keyof SqlOnly, key: string) => used.add(`${kind}:${key}`);

  for (const [name, values] of prisma.enums) {
    const actual = database.enums.get(name);
    if (!actual) out.push(`enum ${name}: in schema.prisma, not in the database`);
    else if (actual.join(",") !== values.join(",")) out.push(`enum ${name}: values (${actual.join(", ")}) in the database, (${values.join(", ")}) in schema.prisma`);
  }
  for (const name of database.enums.keys()) if (!prisma.enums.has(name)) out.push(`enum ${name}: in the database, not in schema.prisma`);

  for (const [table, columns] of prisma.tables) {
    const actual = database.tables.get(table);
    if (!actual) {
      out.push(`table ${table}: in schema.prisma, not in the database`);
      continue;
    }
    for (const [column, want] of columns) {
      const have = actual.get(column);
      const at = `column ${table}.${column}`;
      if (!have) {
        out.push(`${at}: in schema.prisma, not in the database`);
        continue;
      }
      if (have.type !== want.type) out.push(`${at}: type ${have.type} in the database, ${want.type} in schema.prisma`);
      if (have.nullable !== want.nullable) out.push(`${at}: ${have.nullable ? "nullable" : "NOT NULL"} in the database, ${want.nullable ? "nullable (optional)" : "NOT NULL (required)"} in schema.prisma`);
      if (have.default !== want.default) out.push(`${at}: default ${have.default ?? "none"} in the database, ${want.default ?? "none"} in schema.prisma`);
    }
    for (const column of actual.keys()) {
      const key = `${table}.${column}`;
      if (columns.has(column)) continue;
      if (allowed("columns", key)) use("columns", key);
      else out.push(`column ${key}: in the database, not in schema.prisma`);
    }
  }
  for (const table of database.tables.keys()) {
    if (prisma.tables.has(table)) continue;
    if (allowed("tables", table)) use("tables", table);
    else out.push(`table ${table}: in the database, not in schema.prisma`);
  }

  for (const [name, want] of prisma.indexes) {
    const have = database.indexes.get(name);
    if (!have) {
      out.push(`index ${name}: ${describeIndex(want)} in schema.prisma, not in the database`);
      continue;
    }
    if (describeIndex(have) !== describeIndex(want)) out.push(`index ${name}: ${describeIndex(have)} in the database, ${describeIndex(want)} in schema.prisma`);
  }
  for (const [name, have] of database.indexes) {
    if (prisma.indexes.has(name)) continue;
    if (allowed("indexes", name)) use("indexes", name);
    else out.push(`index ${name}: ${describeIndex(have)} in the database, not in schema.prisma`);
  }

  for (const [key, want] of prisma.foreignKeys) {
    const have = database.foreignKeys.get(key);
    if (!have) out.push(`foreign key ${key}: ${describeForeignKey(want)} in schema.prisma, not in the database`);
    else if (describeForeignKey(have) !== describeForeignKey(want)) out.push(`foreign key ${key}: ${describeForeignKey(have)} in the database, ${describeForeignKey(want)} in schema.prisma`);
  }
  for (const [key, have] of database.foreignKeys) {
    if (prisma.foreignKeys.has(key)) continue;
    if (allowed("foreignKeys", key)) use("foreignKeys", key);
    else out.push(`foreign key ${key}: ${describeForeignKey(have)} in the database, not in schema.prisma`);
  }

  for (const kind of ["tables", "columns", "indexes", "foreignKeys"] as const) {
    for (const key of Object.keys(sqlOnly[kind] ?? {})) {
      if (!used.has(`${kind}:${key}`)) out.push(`listed as SQL-only (${kind}) but not found only in the database: ${key}`);
    }
  }
  return out;
}

function describeIndex(i: IndexShape): string {
  const method = i.method === "btree" ? "" : ` USING ${i.method}`;
  const include = i.include.length ? ` INCLUDE (${i.include.join(", ")})` : "";
  const where = i.where ? ` WHERE ${i.where}` : "";
  return `${i.kind} on ${i.table}${method} (${i.columns.join(", ")})${include}${where}`;
}

function describeForeignKey(f: ForeignKeyShape): string {
  return `→ ${f.references} ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
}
