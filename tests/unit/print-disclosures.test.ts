// A printable page that names people is a disclosure of them, as an export is: read from the
// code, every page built on PrintDocument must record its print (or, for the data-subject
// access report, its own audited opening in subjectAccessDocument), so the person's access report names it.
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "@/tests/helpers/source-files";

const printPages = sourceFiles(["app"], /^page\.tsx$/).filter((file) => readSource(file).includes("<PrintDocument"));

describe("printable pages record what they disclose", () => {
  it("finds the printable pages", () => {
    expect(printPages.length).toBeGreaterThanOrEqual(3);
  });

  it.each(printPages)("%s records its print", (file) => {
    expect(readSource(file)).toMatch(/\brecord\w*Print\(|\bsubjectAccessDocument\(/);
  });
});
