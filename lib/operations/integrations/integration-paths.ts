/** The pages that show a project's App Store Connect integration. */
export const integrationPaths = (projectId: string) => [`/dashboard/projects/${projectId}/integrations`, `/dashboard/projects/${projectId}`];
