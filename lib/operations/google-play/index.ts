import "server-only";
export * from "./connect-google-play";
export * from "./copy-play-connection";
export * from "./get-play-setup";
export * from "./publish-play-reply";
export * from "./remove-play-connection";
export * from "./request-play-reviews-sync";
export * from "./set-play-connection-enabled";
export * from "./test-play-connection";
