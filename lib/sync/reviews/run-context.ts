// What the steps of a reviews run share: the run, and each app it syncs (JSON-safe: step outputs carry them).
export interface AppToSync {
  appId: string;
  name: string;
  appStoreId: string;
  hadReviews: boolean;
  /** Reviews inserted by an earlier run are still waiting to be announced (it stopped before its notify step). */
  announcePending: boolean;
}

export interface RunContext {
  runId: string;
  teamId: string;
  projectId: string;
  startedAt: string;
}
