// Seeds N reviews into a project set-wise in SQL (generate_series): five apps, many languages, spread over
// three years, so the search benchmark runs on realistic selectivity.
import type { PrismaClient } from "../lib/generated/prisma/client";

const WORDS = [
  "great", "app", "love", "crash", "crashes", "sync", "battery", "dark", "mode", "widget", "offline", "slow", "fast",
  "update", "please", "fix", "login", "ads", "subscription", "price", "support", "thanks", "useful", "broken", "radar",
  "forecast", "notes", "share", "icloud", "backup", "absturz", "toll", "langsam", "bonjour", "génial", "lent", "merci",
  "rapide", "genial", "gracias", "lento", "便利", "最高", "遅い", "perfect", "terrible", "design", "simple", "export", "import",
];

export async function seedReviews(db: PrismaClient, o: { teamId: string; projectId: string; count: number }): Promise<number> {
  const apps = [];
  for (let i = 0; i < 5; i++) {
    apps.push((await db.app.create({ data: { teamId: o.teamId, projectId: o.projectId, name: `Search ${i}`, platform: "apple", bundleId: `com.example.search${i}` } })).id);
  }
  // Bulk load without the text indexes, then build them once (what a restore would do).
  await db.$executeRawUnsafe(`DROP INDEX IF EXISTS app_store_reviews_search_vector_idx`);
  await db.$executeRawUnsafe(`DROP INDEX IF EXISTS app_store_reviews_reviewer_nickname_trgm_idx`);
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]::text[]`;
  const countries = `ARRAY['us','gb','de','fr','jp','es','it','ca','au','br','nl','se','xk']::text[]`;
  const batch = 250_000;
  for (let start = 1; start <= o.count; start += batch) {
    const end = Math.min(o.count, start + batch - 1);
    await db.$executeRawUnsafe(`
      INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, title, body, reviewer_nickname, country_code, created_at_in_store, developer_response, developer_response_state)
      SELECT '${o.teamId}', '${o.projectId}', (ARRAY['${apps.join("','")}']::uuid[])[1 + g % 5], 'seed-' || g,
        1 + abs(hashint4(g)) % 5,
        w[1 + abs(hashint4(g * 3)) % ${WORDS.length}] || ' ' || w[1 + abs(hashint4(g * 5)) % ${WORDS.length}],
        w[1 + abs(hashint4(g * 7)) % ${WORDS.length}] || ' ' || w[1 + abs(hashint4(g * 11)) % ${WORDS.length}] || ' ' ||
          w[1 + abs(hashint4(g * 13)) % ${WORDS.length}] || ' ' || w[1 + abs(hashint4(g * 17)) % ${WORDS.length}] || ' ' ||
          w[1 + abs(hashint4(g * 19)) % ${WORDS.length}] || ' ' || w[1 + abs(hashint4(g * 23)) % ${WORDS.length}] || ' ' ||
          w[1 + abs(hashint4(g * 29)) % ${WORDS.length}] || ' ' || w[1 + abs(hashint4(g * 31)) % ${WORDS.length}],
        'user' || (abs(hashint4(g * 37)) % 200000),
        c[1 + abs(hashint4(g * 41)) % 13],
        timestamptz '2026-01-01' - (g * interval '90 seconds'),
        CASE WHEN g % 4 = 0 THEN 'Thanks for the review!' END,
        CASE WHEN g % 4 = 0 THEN 'PUBLISHED'::response_state END
      FROM generate_series(${start}, ${end}) g, (SELECT ${words} AS w, ${countries} AS c) k`);
  }
  await db.$executeRawUnsafe(`CREATE INDEX app_store_reviews_search_vector_idx ON app_store_reviews USING GIN (search_vector)`);
  await db.$executeRawUnsafe(`CREATE INDEX app_store_reviews_reviewer_nickname_trgm_idx ON app_store_reviews USING GIN (reviewer_nickname gin_trgm_ops)`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE app_store_reviews`);
  return o.count;
}
