import "server-only";
export * from "./connect-google-play";
export * from "./copy-play-connection";
export * from "./get-play-setup";
export * from "./publish-play-reply";
export * from "./request-play-reviews-sync";
export * from "./test-play-connection";
