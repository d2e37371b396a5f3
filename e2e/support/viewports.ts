/** The two screens every user-facing feature is checked on: a desktop and a 390 px phone. */
export const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
