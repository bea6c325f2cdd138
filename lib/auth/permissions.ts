// Typed permissions and what each team role grants (dub-style `as const` list + role map).
export const PERMISSIONS = [
  "reviews:read",
  "reviews:write",
  "sales:read",
  "integrations:read",
  "integrations:write",
  "projects:write",
  "team:admin",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Not a team permission: the signed-in person's own things (inbox, notification settings), never an agent key's. */
export const SELF = "self";
export type PermissionOrSelf = Permission | typeof SELF;

export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  // Members see the team's dashboard, downloads and proceeds included; agent keys get sales:read only when granted.
  member: ["reviews:read", "sales:read", "integrations:read"],
};

export interface TeamSettings {
  membersMayPublishReplies: boolean;
}

export function permissionsForRole(role: Role, team: TeamSettings): Set<Permission> {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[role]);
  // Replies are public: members may publish only where the team allows it.
  if (role === "member" && team.membersMayPublishReplies) granted.add("reviews:write");
  return granted;
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const PERMISSION_LABELS: Record<Permission, string> = {
  "reviews:read": "Read reviews and ratings",
  "reviews:write": "Publish, edit and delete replies to reviews",
  "sales:read": "Read downloads and proceeds (Sales and Finance reports)",
  "integrations:read": "See integration status",
  "integrations:write": "Set up and run integrations and syncs",
  "projects:write": "Create and change projects and apps",
  "team:admin": "Manage members, invites and agent keys",
};
