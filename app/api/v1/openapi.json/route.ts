import { NextResponse, type NextRequest } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/v1/openapi";

// Public: the document describes the API, it reveals no data.
export function GET(request: NextRequest) {
  return NextResponse.json(buildOpenApiDocument({ serverUrl: request.nextUrl.origin }), { headers: { "cache-control": "public, max-age=300" } });
}
