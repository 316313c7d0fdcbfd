// A partner's TypeScript client: types generated from openapi.json by openapi-typescript, calls
// made with openapi-fetch. tests/api/test_ts_client.py compiles this (so a path, field or enum
// that the document does not have fails the build), runs it against a live server, and checks
// that every operation in openapi.json was driven: a new operation needs a call here, recorded
// with `drove("operationId")`.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

type AgeBand = components["schemas"]["AgeBand"];

const base = process.argv[2];
const invitation = process.argv[3] ?? "";
if (!base || !invitation) throw new Error("usage: node out/drive.js <base url> <invitation key>");

const client = createClient<paths>({ baseUrl: base });
const driven = new Set<string>();
let checks = 0;

function drove(operationId: string): void {
  driven.add(operationId);
}

function check(condition: unknown, what: string): asserts condition {
  checks += 1;
  if (!condition) throw new Error(`failed: ${what}`);
}

async function service(): Promise<void> {
  const health = await client.GET("/api/v1/healthz");
  check(health.data?.status === "ok", "healthz says ok");
  drove("getHealth");
  const ready = await client.GET("/api/v1/readyz");
  check(ready.data?.status === "ready", "readyz says ready");
  drove("getReadiness");
}

async function questionnaire(): Promise<void> {
  const first = await client.GET("/api/v1/questionnaire");
  check(first.response.status === 200 && first.data !== undefined, "questionnaire 200");
  check(first.data.questions.some((q) => q.id === "profile.age_band"), "has the age band");
  const etag = first.response.headers.get("etag");
  check(etag !== null, "questionnaire has an ETag");
  const again = await client.GET("/api/v1/questionnaire", {
    params: { header: { "If-None-Match": etag } },
  });
  check(again.response.status === 304, "If-None-Match gives 304");
  drove("getQuestionnaire");

  const next = await client.POST("/api/v1/questionnaire/next", {
    body: {
      answers: { "profile.devices": ["android"], "nearby_sharing.airdrop_setting": "everyone" },
    },
  });
  check(next.data !== undefined, "questionnaire/next 200");
  check(next.data.drop.includes("nearby_sharing.airdrop_setting"), "AirDrop is dropped");
  check(next.data.ask.includes("nearby_sharing.quick_share_visibility"), "Quick Share asked");
  drove("getNextQuestions");
}

async function plans(): Promise<string> {
  const teen: AgeBand = "13_15";
  const plan = await client.POST("/api/v1/plans", {
    body: {
      answers: {
        "profile.age_band": teen,
        "profile.apps": ["snapchat"],
        "situation.threat_to_share": "yes",
      },
    },
  });
  check(plan.data !== undefined, "plan 200");
  check(plan.data.urgent !== null, "a threatened teen's plan opens with the urgent lane");
  check(Array.isArray(plan.data.do_next), "the plan has do_next");
  check(plan.data.findings === undefined, "the plan is compact by default");

  const full = await client.POST("/api/v1/plans", {
    body: { answers: { "profile.age_band": teen, "situation.threat_to_share": "yes" } },
    params: { query: { include: "all" } },
  });
  check(full.data?.findings !== undefined, "include=all adds the findings");
  const ruleId = full.data.urgent?.actions[0]?.rule_id;
  check(ruleId !== undefined, "the urgent lane has an action");
  const content = await client.GET("/api/v1/content/rules/{rule_id}", {
    params: { path: { rule_id: ruleId } },
  });
  check(content.data?.id === ruleId && content.data.steps.length > 0, "a rule's words");
  const contentTag = content.response.headers.get("etag");
  check(contentTag !== null, "rule content has an ETag");
  const cached = await client.GET("/api/v1/content/rules/{rule_id}", {
    params: { path: { rule_id: ruleId }, header: { "If-None-Match": contentTag } },
  });
  check(cached.response.status === 304, "If-None-Match on rule content gives 304");
  drove("getRuleContent");

  const misspelled = await client.POST("/api/v1/plans", {
    body: {
      answers: {
        "profile.age_band": teen,
        "webcam.cover_when_unusd": "sometimes",
      },
    },
  });
  // The misspelled id is sent, not dropped, and the server's 422 reaches the caller.
  check(misspelled.response.status === 422, "a misspelled question id is 422");
  check(misspelled.error?.type === "/api/v1/problems/invalid-answers", "its problem type");
  check(misspelled.error?.errors?.[0]?.code === "unknown_question", "it names the question");
  drove("createPlan");

  const resources = await client.GET("/api/v1/resources", {
    params: { query: { age_band: teen } },
  });
  check(resources.data?.some((r) => r.id === "childline") === true, "Childline for 13-15");
  check(resources.data?.some((r) => r.id === "stopncii") === false, "no adult-only service");
  drove("listResources");

  const changes = await client.GET("/api/v1/content/changes");
  check(changes.data?.[0]?.version === plan.data.content_version, "newest content version");
  drove("listContentChanges");
  return plan.data.content_version;
}

async function classes(): Promise<void> {
  const created = await client.POST("/api/v1/cohorts", {
    body: { name: "Year 9 – TypeScript", age_band: "13_15" },
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
  });
  check(created.response.status === 201 && created.data !== undefined, "class created");
  drove("createCohort");
  const { id, join_code: code, teacher_key: key } = created.data;

  const submitted = await client.POST("/api/v1/cohorts/{code}/responses", {
    params: { path: { code } },
    body: { answers: { "webcam.cover_when_unused": "sometimes" } },
  });
  check(submitted.response.status === 201, "class response stored");
  drove("submitCohortResponse");

  const teacher = { Authorization: `Bearer ${key}` };
  const path = { cohort_id: id };
  const open = await client.GET("/api/v1/cohorts/{cohort_id}/report", {
    params: { path },
    headers: teacher,
  });
  check(open.data?.open === true, "report of an open class");
  const wrong = await client.GET("/api/v1/cohorts/{cohort_id}/report", {
    params: { path },
    headers: { Authorization: "Bearer not-the-key" },
  });
  check(wrong.response.status === 404, "a wrong key is 404");
  drove("getCohortReport");

  const closed = await client.POST("/api/v1/cohorts/{cohort_id}/close", {
    params: { path },
    headers: teacher,
  });
  check(closed.response.status === 204, "class closed");
  drove("closeCohort");

  const deleted = await client.DELETE("/api/v1/cohorts/{cohort_id}", {
    params: { path },
    headers: teacher,
  });
  check(deleted.response.status === 204, "class deleted");
  const gone = await client.GET("/api/v1/cohorts/{cohort_id}/report", {
    params: { path },
    headers: teacher,
  });
  check(gone.response.status === 404, "a deleted class is gone");
  drove("deleteCohort");
}

async function schools(): Promise<void> {
  const made = await client.POST("/api/v1/schools", {
    body: { name: "Rowan Academy – TypeScript", lead: "DSL", invitation },
  });
  check(made.response.status === 201 && made.data !== undefined, "school created");
  drove("createSchool");
  const lead = { Authorization: `Bearer ${made.data.lead.key}` };

  const added = await client.POST("/api/v1/schools/me/teachers", {
    body: { label: "Ms Khan" },
    headers: lead,
  });
  check(added.response.status === 201 && added.data !== undefined, "teacher added");
  check(added.data.key.startsWith("scsk_"), "a teacher's key");
  drove("addTeacher");
  const teacher = { Authorization: `Bearer ${added.data.key}` };
  const teacherId = added.data.teacher.id;

  const created = await client.POST("/api/v1/cohorts", {
    body: { name: "9K", age_band: "13_15", year_group: "Year 9" },
    headers: teacher,
  });
  check(created.response.status === 201 && created.data !== undefined, "the teacher's class");
  const mine = await client.GET("/api/v1/schools/me", { headers: teacher });
  check(mine.data?.classes.length === 1, "a teacher sees their class");
  const everything = await client.GET("/api/v1/schools/me", { headers: lead });
  check(everything.data?.teachers.length === 2, "the lead sees both teachers");
  drove("getSchool");

  const overview = await client.GET("/api/v1/schools/me/report", { headers: lead });
  check(overview.data?.views.every((view) => view.state === "term_not_over") === true, "no view yet");
  drove("getSchoolReport");

  const renewed = await client.POST("/api/v1/schools/me/teachers/{teacher_id}/key", {
    params: { path: { teacher_id: teacherId } },
    headers: lead,
  });
  check(renewed.data !== undefined && renewed.data.key !== added.data.key, "a new key");
  const old = await client.GET("/api/v1/schools/me", { headers: teacher });
  check(old.response.status === 404, "the old key stops at once");
  drove("newTeacherKey");

  const revoked = await client.POST("/api/v1/schools/me/teachers/{teacher_id}/revoke", {
    params: { path: { teacher_id: teacherId } },
    headers: lead,
  });
  check(revoked.response.status === 204, "teacher revoked");
  const refused = await client.GET("/api/v1/schools/me", {
    headers: { Authorization: `Bearer ${renewed.data.key}` },
  });
  check(refused.response.status === 404, "a revoked key is refused");
  drove("revokeTeacher");

  const deputy = await client.POST("/api/v1/schools/me/teachers", {
    body: { label: "Mr Patel" },
    headers: lead,
  });
  check(deputy.data !== undefined, "a second teacher");
  const notLead = await client.DELETE("/api/v1/schools/me", {
    headers: { Authorization: `Bearer ${deputy.data.key}` },
  });
  check(notLead.response.status === 403, "only a lead deletes the school");
  const deleted = await client.DELETE("/api/v1/schools/me", { headers: lead });
  check(deleted.response.status === 204, "school deleted");
  const again = await client.DELETE("/api/v1/schools/me", { headers: lead });
  check(again.response.status === 404, "the lead's key went with the school");
  const classGone = await client.GET("/api/v1/cohorts/{cohort_id}/report", {
    params: { path: { cohort_id: created.data.id } },
    headers: { Authorization: `Bearer ${created.data.teacher_key}` },
  });
  check(classGone.response.status === 404, "the school's classes went with it");
  drove("deleteSchool");
}

await service();
await questionnaire();
await plans();
await classes();
await schools();
process.stdout.write(JSON.stringify({ driven: [...driven].sort(), checks }) + "\n");
