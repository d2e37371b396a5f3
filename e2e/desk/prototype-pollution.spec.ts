import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { baseUrl, signedInRequest } from "../support/staff";
import { createUser } from "../support/users";
import { unique } from "./reference-support";

/**
 * The attack: an editor adds a field named after a prototype key to a desk form
 * (devtools, or a replayed request). Before the fix one such submission polluted
 * Object.prototype for the whole process and every page answered 500.
 */
const HOSTILE_FIELDS = ["__proto__.polluted", "constructor.prototype.polluted", "offices.0.__proto__.polluted"];

async function expectSiteStillServes() {
  const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl() });
  for (const path of ["/", "/events", "/api/v1/events?limit=1", "/api/ready"]) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(200);
  }
  await anonymous.dispose();
  // Signing in still works (next-auth and the session read were among the casualties).
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  expect((await admin.get("/api/admin/users")).status()).toBe(200);
  await admin.dispose();
}

for (const field of HOSTILE_FIELDS) {
  test(`a person form carrying "${field}" is refused as an unknown field, saves nothing and breaks nothing`, async ({ browser }) => {
    const editor = await createUser("EDITOR");
    const { context, page } = await signedInPage(browser, editor);
    const name = `Prototype Probe ${unique()}`;
    await page.goto("/dashboard/people/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await page.getByRole("form", { name: "New person" }).evaluate((form, fieldName) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = fieldName;
      input.value = "yes";
      form.appendChild(input);
    }, field);
    await page.getByRole("button", { name: "Create person" }).click();
    await expect(page.getByText(`Unknown field: ${field}. Nothing was saved.`)).toBeVisible();

    await page.goto(`/dashboard/people?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
    await context.close();
    await expectSiteStillServes();
  });
}

test("desk JSON bodies with prototype keys get 400 with a clear message, not 500", async () => {
  const editor = await createUser("EDITOR");
  const session = await signedInRequest(editor.email, editor.password);
  const bodies = [
    `{"input":{"title":"Probe ${unique()}","__proto__":{"polluted":"yes"}}}`,
    `{"input":{"title":"Probe ${unique()}","constructor":{"prototype":{"polluted":"yes"}}}}`,
    `{"__proto__":{"polluted":"yes"},"input":{"title":"Probe"}}`,
  ];
  for (const body of bodies) {
    const response = await session.post("/api/desk/events", { headers: { "content-type": "application/json" }, data: body });
    expect(response.status(), body).toBe(400);
    const answer = (await response.json()) as { ok: boolean; message: string };
    expect(answer).toMatchObject({ ok: false });
    expect(answer.message).toMatch(/may not be named "(__proto__|constructor|prototype)"/);
  }
  const account = await session.post("/api/account/password", { headers: { "content-type": "application/json" }, data: '{"__proto__":{"polluted":"yes"}}' });
  expect(account.status()).toBe(400);
  expect(((await account.json()) as { message: string }).message).toContain('may not be named "__proto__"');
  await session.dispose();
  await expectSiteStillServes();
});
