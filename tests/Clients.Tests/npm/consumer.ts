// Code a TypeScript client of TaskApi writes against the generated types (schema.d.ts, from openapi-typescript).
// It must type-check under --strict: optional members stay optional (no "default": null making them required).
import type { components, paths } from "./schema";

type TaskUpdate = components["schemas"]["TaskUpdate"];
type TaskItem = components["schemas"]["TaskItem"];
type PatchBody = NonNullable<paths["/tasks/{id}"]["patch"]["requestBody"]>["content"]["application/json"];

// A PATCH that sends only what changes.
export const completeOnly: PatchBody = { completed: true };
export const renameOnly: TaskUpdate = { title: "Buy oat milk" };
export const read = (task: TaskItem): string => `${task.id}: ${task.title} (${task.completed ? "done" : "open"})`;
