import { invalid, SchedulerApiError } from "./errors";
import {
  checkName,
  createSchedule,
  DEFAULT_GROUP,
  deleteSchedule,
  getSchedule,
  type HandlerContext,
  updateSchedule,
} from "./handlers";
import {
  createScheduleGroup,
  deleteScheduleGroup,
  getScheduleGroup,
  listScheduleGroups,
  listSchedules,
} from "./list-handlers";

export interface ApiRequest {
  method: string;
  /** Path segments, already URL-decoded, e.g. ["schedules", "my-name"]. */
  segments: string[];
  query: Record<string, string>;
  body: unknown;
}

/** Dispatches one REST-JSON request to its operation; throws SchedulerApiError for every failure. */
export function route(ctx: HandlerContext, req: ApiRequest): unknown {
  const [collection, rawName, ...extra] = req.segments;
  if (extra.length > 0) throw unknownOperation(req);
  const group = () => checkName(req.query.groupName ?? DEFAULT_GROUP, "groupName");

  if (collection === "schedules") {
    if (rawName === undefined) {
      if (req.method === "GET") return listSchedules(ctx, req.query);
      throw unknownOperation(req);
    }
    const name = checkName(rawName, "name");
    switch (req.method) {
      case "POST":
        return createSchedule(ctx, name, req.body);
      case "PUT":
        return updateSchedule(ctx, name, req.body);
      case "GET":
        return getSchedule(ctx, name, group());
      case "DELETE":
        return deleteSchedule(ctx, name, group());
    }
  }

  if (collection === "schedule-groups") {
    if (rawName === undefined) {
      if (req.method === "GET") return listScheduleGroups(ctx, req.query);
      throw unknownOperation(req);
    }
    const name = checkName(rawName, "name");
    switch (req.method) {
      case "POST":
        return createScheduleGroup(ctx, name, req.body);
      case "GET":
        return getScheduleGroup(ctx, name);
      case "DELETE":
        return deleteScheduleGroup(ctx, name);
    }
  }

  if (collection === "tags") throw invalid("Tagging is not supported by the local scheduler.");
  throw unknownOperation(req);
}

const unknownOperation = (req: ApiRequest) =>
  new SchedulerApiError(
    "UnknownOperationException",
    `The local scheduler has no operation for ${req.method} /${req.segments.join("/")}`,
  );
