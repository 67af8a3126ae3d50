import { describe, expect, it } from "vitest";
import { detectTopics, indexText } from "../../../packages/core/src/matching/text";
import { TOPICS } from "../../../packages/core/src/matching/topics";
import { topicSchema } from "../../../packages/core/src/shared/validators";

const detect = (text: string) => Object.fromEntries(detectTopics(indexText(text)));

describe("TOPICS", () => {
  it("holds 16 to 20 topics with unique, valid slugs", () => {
    // Assess
    expect(TOPICS.length).toBeGreaterThanOrEqual(16);
    expect(TOPICS.length).toBeLessThanOrEqual(20);
    expect(new Set(TOPICS.map((t) => t.slug)).size).toBe(TOPICS.length);
    for (const { slug } of TOPICS) expect(topicSchema.parse(slug)).toBe(slug);
  });

  it("gives every topic a label and lower-case keywords", () => {
    for (const topic of TOPICS) {
      expect(topic.label.length).toBeGreaterThan(2);
      expect(topic.keywords.length).toBeGreaterThan(2);
      for (const k of topic.keywords) expect(k).toBe(k.toLowerCase().trim());
    }
  });
});

describe("detectTopics", () => {
  it("finds topics from keywords, whatever the case", () => {
    // Act
    const found = detect("Speaking Up in MEETINGS is hard, and I never Delegate.");

    // Assess
    expect(found).toEqual({ communication: "speaking up", delegation: "delegate" });
  });

  it("matches a stem at the start of a word only", () => {
    // Act + Assess
    expect(detect("I am unfocused")).toEqual({});
    expect(detect("I cannot focus")).toEqual({ productivity: "focus" });
    expect(detect("delegation is new to me")).toEqual({ delegation: "delegation" });
  });

  it("needs every word of a phrase, in order", () => {
    // Act + Assess
    expect(detect("up speaking")).toEqual({});
    expect(detect("the skip-level meeting")).toMatchObject({ "managing-up": "skip level" });
  });

  it("finds nothing in text without keywords", () => {
    expect(detect("")).toEqual({});
    expect(detect("Lorem ipsum dolor sit amet.")).toEqual({});
  });
});
