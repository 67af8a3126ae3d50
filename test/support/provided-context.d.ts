import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    /** Chromium's Playwright endpoint (test/support/browser-setup.ts). */
    browserWsEndpoint: string;
  }
}
