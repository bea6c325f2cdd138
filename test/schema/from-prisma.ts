// The schema that schema.prisma describes for PostgreSQL, from its DMMF (parsed by Prisma's own WebAssembly
// schema parser, no engine download), in the shape the database catalog is read into: PostgreSQL's type names,
// Prisma's default constraint names, its default referential actions.
import { getDMMF, type GetDMMFError } from "@prisma/get-dmmf";
import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape } from "./shape";

type Datamodel = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: (a) => (a.length ? `character varying(${a[0]})` : "character varying"),
  Char: (a) => `character(${a[0] ?? 1})`,
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: (a) => (a.length ? `numeric(${a.join(",")})` : "numeric"),
  Boolean: () => "boolean",
  Date: () => "date",
  Timestamp: (a) => (a.length ? `timestamp(${a[0]}) without time zone` : "timestamp without time zone"),
  Timestamptz: (a) => (a.length ? `timestamp(${a[0]}) with time zone` : "timestamp with time zone"),
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

const ACTIONS: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };

export function prismaShape(schema: string): SchemaShape {
  const dmmf = getDMMF({ datamodel: schema });
  if ("error" in dmmf) throw new Error(`schema.prisma does not parse: ${dmmf.reason}\n${dmmf.error.message}`);
  const { models, enums, indexes } = dmmf.datamodel;
  const shape: SchemaShape = { tables: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };

  const enumTypes = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  for (const e of enums) shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name));

  const tableOf = (m: Model) => m.dbName ?? m.name;
  const byName = new Map(models.map((m) => [m.name, m]));
  const columnOf = (m: Model, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    if (!f) throw new Error(`${m.name} has no field ${fieldName}`);
    return f.dbName ?? f.name;
  };

  for (const model of models) {
    const table = tableOf(model);
    const columns = new Map<string, ColumnShape>();
    for (const field of model.fields) {
      if (field.kind !== "scalar" && field.kind !== "enum") continue;
      const column = field.dbName ?? field.name;
      const type = columnType(field, enumTypes);
      // A list is never null in Prisma's types, so its column must not hold NULL either.
      columns.set(column, { type, nullable: !field.isList && !field.isRequired, default: defaultOf(field, table, column, type) });
    }
    shape.tables.set(table, columns);

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = byName.get(field.type)!;
      const from = field.relationFromFields.map((f) => columnOf(model, f));
      const to = (field.relationToFields ?? []).map((f) => columnOf(target, f));
      const optional = field.relationFromFields.some((f) => !model.fields.find((x) => x.name === f)!.isRequired);
      const fk: ForeignKeyShape = {
        references: `${tableOf(target)}(${to.join(", ")})`,
        onDelete: ACTIONS[field.relationOnDelete ?? (optional ? "SetNull" : "Restrict")],
        onUpdate: ACTIONS[field.relationOnUpdate ?? "Cascade"],
      };
      shape.foreignKeys.set(`${table}(${from.join(", ")})`, fk);
    }
  }

  for (const index of indexes) {
    const model = byName.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const kind: IndexShape["kind"] = index.type === "id" ? "primary key" : index.type === "unique" ? "unique" : "index";
    const suffix = kind === "primary key" ? "pkey" : kind === "unique" ? "key" : "idx";
    const name = index.dbName ?? (kind === "primary key" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    shape.indexes.set(name, {
      table,
      kind,
      method: index.algorithm ? index.algorithm.toLowerCase() : "btree",
      columns: index.fields.map((f, i) => `${columns[i]}${f.sortOrder === "desc" ? " DESC" : ""}${f.operatorClass ? ` ${snake(f.operatorClass)}` : ""}`),
      include: [],
      where: null,
    });
  }
  return shape;
}

function columnType(field: Field, enumTypes: Map<string, string>): string {
  let base: string;
  if (field.kind === "enum") base = enumTypes.get(field.type)!;
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const native = NATIVE_TYPES[name];
    if (!native) throw new Error(`@db.${name} has no PostgreSQL type here yet: add it to NATIVE_TYPES in test/schema/from-prisma.ts`);
    base = native(args);
  } else {
    base = SCALAR_TYPES[field.type];
    if (!base) throw new Error(`Prisma type ${field.type} has no PostgreSQL type here yet: add it to SCALAR_TYPES in test/schema/from-prisma.ts`);
  }
  return field.isList ? `${base}[]` : base;
}

/** The default as pg_get_expr prints it for the column Prisma would create. */
function defaultOf(field: Field, table: string, column: string, type: string): string | null {
  const d = field.default;
  if (d === undefined) return null;
  if (Array.isArray(d)) return `'{${d.join(",")}}'::${type}`;
  if (typeof d === "object" && d !== null) {
    const fn = d as { name: string; args: readonly unknown[] };
    if (fn.name === "autoincrement") return `nextval('${table}_${column}_seq'::regclass)`;
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    if (fn.name === "dbgenerated") return fn.args.length ? String(fn.args[0]) : null;
    return null; // uuid(), cuid(), nanoid(): values the client makes, nothing in the database
  }
  if (typeof d === "boolean" || typeof d === "number") return String(d);
  // Literals print with a cast to the type without its length: 'x'::character varying.
  return `'${String(d).replaceAll("'", "''")}'::${type.replace(/\(.*\)/, "")}`;
}

/** Prisma's operator class names (JsonbPathOps) as PostgreSQL's (jsonb_path_ops); raw("…") names stay. */
function snake(name: string): string {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase();
}
