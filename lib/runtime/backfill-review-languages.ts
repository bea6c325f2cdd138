// Reviews stored before languages were detected (language IS NULL) get theirs on the first start after the
// migration that added the column: in the background, in batches, so the dashboard is usable meanwhile (their
// search vectors fall back to words as written until then). Plain `pg`, as `npm start` runs outside Next.
import pg from "pg";
import { detectReviewLanguages } from "../data/reviews/language";

export async function backfillReviewLanguages(databaseUrl: string, options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let done = 0;
  try {
    for (;;) {
      const { rows } = await client.query<{ id: string; title: string | null; body: string; country_code: string | null }>(
        "SELECT id, title, body, country_code FROM app_store_reviews WHERE language IS NULL ORDER BY id LIMIT $1",
        [batchSize],
      );
      if (rows.length === 0) break;
      const languages = await detectReviewLanguages(rows.map((r) => ({ title: r.title, body: r.body, countryCode: r.country_code })));
      // Only rows still without a language: a sync may have rewritten one meanwhile.
      await client.query(
        "UPDATE app_store_reviews r SET language = t.language FROM unnest($1::uuid[], $2::text[]) AS t(id, language) WHERE r.id = t.id AND r.language IS NULL",
        [rows.map((r) => r.id), languages],
      );
      done += rows.length;
    }
  } finally {
    await client.end();
  }
  if (done > 0) options.log?.(`detected the language of ${done.toLocaleString("en-US")} reviews stored before language detection`);
  return done;
}
