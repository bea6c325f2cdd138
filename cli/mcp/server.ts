// The Starboard MCP server (stdio): the tools of ./tools over the REST API, configured by STARBOARD_URL +
// STARBOARD_API_KEY or the CLI's saved login.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StarboardClient } from "@/lib/api/client";
import { readConfig, type Env } from "../config";
import { callTool, TOOLS, type ToolContext } from "./tools";

export function createMcpServer(client: StarboardClient, context: ToolContext, version = "1.0.0"): McpServer {
  const server = new McpServer({ name: "starboard", version });
  for (const tool of TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: { title: tool.title, readOnlyHint: tool.readOnly ?? false, destructiveHint: tool.destructive ?? false, openWorldHint: true },
      },
      (input: Record<string, unknown>) => callTool(tool, client, input, context),
    );
  }
  return server;
}

export async function startMcpServer(env: Env) {
  const config = await readConfig(env);
  if (!config.url || !config.apiKey) {
    process.stderr.write("starboard mcp: set STARBOARD_URL and STARBOARD_API_KEY (or run `starboard login`).\n");
    process.exit(2);
  }
  const server = createMcpServer(new StarboardClient({ baseUrl: config.url, apiKey: config.apiKey, client: "mcp" }), { pollMs: env.STARBOARD_POLL_MS });
  await server.connect(new StdioServerTransport());
}
