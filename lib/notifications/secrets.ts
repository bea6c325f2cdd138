import "server-only";

/** Additional data binding a sealed endpoint URL or secret to its row and field (a copied value will not open). */
export function endpointAad(endpointId: string, field: "url" | "secret"): string {
  return `notification_endpoints:${endpointId}:${field}`;
}
