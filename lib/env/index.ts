import { parseEnv, type Env } from "./schema";

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export { parseEnv, EnvError, type Env } from "./schema";
