import "server-only";
import { z } from "zod";
import * as teams from "@/lib/data/teams";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { checkbox } from "./team-fields";

export const updateTeamSettings = defineOperation({
  input: z.object({
    teamId: idSchema,
    name: nameSchema("Team name").optional(),
    membersMayPublishReplies: checkbox.optional(),
  }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, { teamId: _teamId, ...settings }) => teams.updateTeamSettings(ctx, settings),
  revalidate: () => ["/dashboard/team", "/dashboard"],
});
