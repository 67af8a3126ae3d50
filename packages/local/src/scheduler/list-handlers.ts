import { z } from "zod";
import { groupNotFound, invalid, SchedulerApiError } from "./errors";
import {
  ACCOUNT_ID,
  checkName,
  DEFAULT_GROUP,
  epochSeconds,
  type HandlerContext,
  parseOr400,
} from "./handlers";
import { scheduleGroupBodySchema } from "./schemas";

const listQuerySchema = z.object({
  ScheduleGroup: z.string().optional(),
  NamePrefix: z.string().min(1).max(64).optional(),
  State: z.enum(["ENABLED", "DISABLED"]).optional(),
  MaxResults: z.coerce.number().int().min(1).max(100).optional(),
  NextToken: z.string().optional(),
});

const encodeToken = (key: string) => Buffer.from(key, "utf8").toString("base64url");

function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const key = Buffer.from(token, "base64url").toString("utf8");
  if (!key.includes("/")) throw invalid("Invalid NextToken");
  return key;
}

/** Pages through `items` (sorted by `keyOf`) after the key carried by NextToken. */
function page<T>(items: T[], keyOf: (item: T) => string, max: number, token: string | undefined) {
  const after = decodeToken(token);
  const rest = after === undefined ? items : items.filter((i) => keyOf(i) > after);
  const slice = rest.slice(0, max);
  const last = slice.at(-1);
  return { slice, NextToken: rest.length > max && last ? encodeToken(keyOf(last)) : undefined };
}

export function listSchedules(ctx: HandlerContext, query: Record<string, string>) {
  const q = parseOr400(listQuerySchema, query, "ListSchedules query");
  const matching = ctx.store
    .all()
    .map((s) => s.schedule)
    .filter(
      (s) =>
        (q.ScheduleGroup === undefined || s.GroupName === q.ScheduleGroup) &&
        (q.NamePrefix === undefined || s.Name.startsWith(q.NamePrefix)) &&
        (q.State === undefined || s.State === q.State),
    );
  const { slice, NextToken } = page(
    matching,
    (s) => `${s.GroupName}/${s.Name}`,
    q.MaxResults ?? 100,
    q.NextToken,
  );
  return {
    Schedules: slice.map((s) => ({
      Arn: s.Arn,
      Name: s.Name,
      GroupName: s.GroupName,
      State: s.State,
      CreationDate: s.CreationDate,
      LastModificationDate: s.LastModificationDate,
      Target: { Arn: s.Target.Arn },
    })),
    ...(NextToken ? { NextToken } : {}),
  };
}

export function createScheduleGroup(ctx: HandlerContext, name: string, body: unknown) {
  parseOr400(scheduleGroupBodySchema, body ?? {}, "schedule group");
  if (ctx.store.getGroup(name))
    throw new SchedulerApiError("ConflictException", `Schedule group ${name} already exists.`);
  ctx.store.putGroup({
    Arn: `arn:aws:scheduler:${ctx.region}:${ACCOUNT_ID}:schedule-group/${name}`,
    Name: name,
    State: "ACTIVE",
    CreationDate: epochSeconds(ctx.clock),
    LastModificationDate: epochSeconds(ctx.clock),
  });
  return { ScheduleGroupArn: ctx.store.getGroup(name)?.Arn };
}

export function getScheduleGroup(ctx: HandlerContext, name: string) {
  const group = ctx.store.getGroup(name);
  if (!group) throw groupNotFound(name);
  return group;
}

export function listScheduleGroups(ctx: HandlerContext, query: Record<string, string>) {
  const q = parseOr400(
    listQuerySchema.pick({ NamePrefix: true, MaxResults: true, NextToken: true }),
    query,
    "query",
  );
  const matching = ctx.store
    .groups()
    .filter((g) => q.NamePrefix === undefined || g.Name.startsWith(q.NamePrefix));
  const { slice, NextToken } = page(matching, (g) => `/${g.Name}`, q.MaxResults ?? 100, q.NextToken);
  return { ScheduleGroups: slice, ...(NextToken ? { NextToken } : {}) };
}

/** Deletes the group and its schedules at once (AWS does it eventually); `default` cannot be deleted. */
export function deleteScheduleGroup(ctx: HandlerContext, name: string) {
  checkName(name, "name");
  if (name === DEFAULT_GROUP) throw invalid("The default schedule group cannot be deleted.");
  if (!ctx.store.getGroup(name)) throw groupNotFound(name);
  ctx.store.deleteGroup(name);
  return {};
}
