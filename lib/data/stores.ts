// The two stores Starboard reads (the store column of ratings and reviews; a CHECK constraint holds it to these).
// An Apple app is rated and reviewed on the App Store, an Android app on Google Play. No server imports here.
export const STORES = ["app_store", "google_play"] as const;
export type Store = (typeof STORES)[number];
