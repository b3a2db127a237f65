// After a client-side navigation focus goes to the new page's h1 (made focusable by script,
// tabindex -1), or to the main landmark when the page has none yet, as a full page load would
// start a screen reader there; a field the page focused itself keeps focus.
import { describe, expect, it } from "vitest";
import { focusNewPage } from "@/features/shell/ui/route-focus";

type FakeElement = {
  tag: string;
  attributes: Map<string, string>;
  children: FakeElement[];
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  focus(options?: FocusOptions): void;
  contains(other: unknown): boolean;
  matches(selector: string): boolean;
  querySelector(selector: string): FakeElement | null;
};

function element(tag: string, children: FakeElement[] = [], page = { active: null as FakeElement | null, scrolled: false }): FakeElement {
  const self: FakeElement = {
    tag,
    attributes: new Map(),
    children,
    hasAttribute: (name) => self.attributes.has(name),
    setAttribute: (name, value) => void self.attributes.set(name, value),
    focus: (options) => {
      page.active = self;
      page.scrolled = !options?.preventScroll;
    },
    contains: (other) => other === self || self.children.some((child) => child.contains(other)),
    matches: (selector) => selector.split(",").some((one) => one.trim() === tag),
    querySelector: (selector) => {
      for (const child of self.children) {
        if (child.matches(selector)) return child;
        const deeper = child.querySelector(selector);
        if (deeper) return deeper;
      }
      return null;
    },
  };
  return self;
}

function page(build: (el: (tag: string, children?: FakeElement[]) => FakeElement) => FakeElement) {
  const state = { active: null as FakeElement | null, scrolled: false };
  const main = build((tag, children = []) => element(tag, children, state));
  main.attributes.set("tabindex", "-1");
  const document = {
    getElementById: (id: string) => (id === "main" ? main : null),
    get activeElement() {
      return state.active;
    },
  } as unknown as Document;
  return { document, main, state };
}

describe("focus after a navigation", () => {
  it("moves to the page's h1, focusable by script only, without scrolling", () => {
    const { document, main, state } = page((el) => el("main", [el("header", [el("p"), el("h1")]), el("table")]));
    const link = element("a");
    state.active = link;
    focusNewPage(document);
    const heading = main.querySelector("h1")!;
    expect(state.active).toBe(heading);
    expect(heading.attributes.get("tabindex")).toBe("-1");
    expect(state.scrolled).toBe(false);
  });

  it("moves to the main landmark when the page has no h1", () => {
    const { document, main, state } = page((el) => el("main", [el("p")]));
    focusNewPage(document);
    expect(state.active).toBe(main);
  });

  it("leaves focus in a field the new page focused itself", () => {
    const { document, main, state } = page((el) => el("main", [el("h1"), el("form", [el("input")])]));
    const field = main.querySelector("input")!;
    state.active = field;
    focusNewPage(document);
    expect(state.active).toBe(field);
  });
});
