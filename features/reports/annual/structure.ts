// The layout of the annual report of the TKPK (Laporan Pelaksanaan Penanggulangan Kemiskinan
// Daerah), after the annual implementation report Permendagri 53/2020 asks of the team: its
// chapters in order, each section a function of the figures. To follow the city's own
// template, reorder, rename (messages/<locale>/AnnualReport.json) or add sections here; the
// figures (figures.ts) and the file (docx.ts) do not change.
import { isBehindCalendar } from "@/features/budget/absorption";
import { BEHIND_THRESHOLD_POINTS } from "@/features/dashboards/budget/queries";
import { monthName } from "@/lib/calendar/months";
import { SUPPRESSED_DERIVED } from "@/lib/spreadsheet/suppression";
import { formatters, type Block, type ReportContext, type ReportDraft } from "./draft";
import {
  beneficiariesByDesilTable,
  budgetByOpdTable,
  budgetBySourceTable,
  coverageTable,
  desilTable,
  graduationsTable,
  programmesTable,
  registryTable,
  resultsByOpdTable,
  statisticsTable,
  targetingByOpdTable,
} from "./tables";
import type { ReportT } from "./words";

type SectionSpec = { title: (t: ReportT) => string; blocks: (c: ReportContext) => Block[] };
type ChapterSpec = { title: (t: ReportT) => string; sections: readonly SectionSpec[] };

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ kind: "paragraph", text }));

const introduction: ChapterSpec = {
  title: (t) => t("intro.title"),
  sections: [
    {
      title: (t) => t("intro.background.title"),
      blocks: ({ w: { t }, city, figures }) => [
        ...paragraphs(t("intro.background.p1", { city }), t("intro.background.p2", { city, year: figures.year })),
        { kind: "placeholder", text: t("intro.background.placeholder", { city }) },
      ],
    },
    {
      title: (t) => t("intro.legalBasis.title"),
      blocks: ({ w: { t }, city }) => [
        {
          kind: "list",
          numbered: true,
          items: (["law23", "perpres15", "perpres96", "inpres4of2022", "inpres4of2025", "permendagri53"] as const).map((key) => t(`intro.legalBasis.${key}`)),
        },
        { kind: "placeholder", text: t("intro.legalBasis.placeholder", { city }) },
      ],
    },
    {
      title: (t) => t("intro.purpose.title"),
      blocks: ({ w: { t }, city, figures }) => paragraphs(t("intro.purpose.p1", { city, year: figures.year }), t("intro.purpose.p2")),
    },
    {
      title: (t) => t("intro.data.title"),
      blocks: ({ w: { t }, madeOn }) => [
        { kind: "list", items: [t("intro.data.bps"), t("intro.data.registry", { date: madeOn }), t("intro.data.entries", { date: madeOn })] },
        ...paragraphs(t("intro.data.privacy")),
      ],
    },
  ],
};

const povertyConditions: ChapterSpec = {
  title: (t) => t("poverty.title"),
  sections: [
    {
      title: (t) => t("poverty.bps.title"),
      blocks: (c) => {
        const { t } = c.w;
        const f = formatters(c);
        const { statistics, year } = c.figures;
        if (statistics.length === 0) return [{ kind: "placeholder", text: t("poverty.bps.none", { year }) }];
        const latest = statistics.at(-1)!;
        const previous = statistics.at(-2);
        const blocks: Block[] = [];
        if (latest.year !== year) blocks.push({ kind: "placeholder", text: t("poverty.bps.missing", { year, latest: latest.year }) });
        blocks.push(
          ...paragraphs(
            t("poverty.bps.latest", {
              city: c.city,
              year: latest.year,
              p0: f.percent(latest.povertyRatePct),
              poor: f.count(latest.poorPeople),
              p1: f.index(latest.p1),
              p2: f.index(latest.p2),
              line: f.rupiah(latest.povertyLineRupiah),
            }),
          ),
        );
        if (previous && previous.povertyRatePct !== null && latest.povertyRatePct !== null) {
          const change = Math.round((latest.povertyRatePct - previous.povertyRatePct) * 100) / 100;
          const direction = change < 0 ? "down" : change > 0 ? "up" : "same";
          blocks.push(...paragraphs(t("poverty.bps.change", { previous: previous.year, direction, points: f.points(Math.abs(change)) })));
        }
        blocks.push({ kind: "table", table: statisticsTable(c.figures, c.w), note: t("poverty.bps.note") });
        return blocks;
      },
    },
    {
      title: (t) => t("poverty.registry.title"),
      blocks: (c) => {
        const { t } = c.w;
        const f = formatters(c);
        const table = registryTable(c.figures, c.w);
        const { target } = c.figures.targetProgress;
        const extremeShown = typeof table.total?.extremePoor === "number";
        const blocks: Block[] = paragraphs(
          t("poverty.registry.p1", {
            date: c.madeOn,
            households: f.cell(table, "households"),
            extremePoor: f.cell(table, "extremePoor"),
            share: f.cell(table, "extremeShare"),
            desil1to4: f.cell(table, "desil1to4"),
          }),
          target
            ? t("poverty.registry.target", {
                target: f.count(target.value),
                targetYear: target.year,
                // A gap beside a hidden count would give it back.
                gap: extremeShown ? f.count(Math.max(0, c.figures.targetProgress.current - target.value)) : SUPPRESSED_DERIVED,
              })
            : t("poverty.registry.noTarget"),
          t("poverty.registry.bpsNote"),
        );
        return [...blocks, { kind: "table", table }, { kind: "table", table: desilTable(c.figures, c.w), note: t("poverty.registry.desilNote") }];
      },
    },
  ],
};

const programmes: ChapterSpec = {
  title: (t) => t("programmes.title"),
  sections: [
    {
      title: (t) => t("programmes.byOpd.title"),
      blocks: (c) => {
        const f = formatters(c);
        const table = resultsByOpdTable(c.figures, c.w);
        return [
          ...paragraphs(
            c.w.t("programmes.byOpd.p1", {
              year: c.figures.year,
              opds: c.figures.resultsByOpd.length,
              programmes: c.figures.resultsByProgramme.length,
              reached: f.cell(table, "reached"),
              trained: f.cell(table, "trained"),
              equipped: f.cell(table, "equipped"),
              businesses: f.cell(table, "businesses"),
              realised: f.rupiah(c.figures.results.realised),
            }),
          ),
          { kind: "table", table, note: c.w.t("programmes.byOpd.note") },
        ];
      },
    },
    {
      title: (t) => t("programmes.byProgramme.title"),
      blocks: (c) => [{ kind: "table", table: programmesTable(c.figures, c.w), note: c.w.t("programmes.byProgramme.note") }],
    },
  ],
};

const budget: ChapterSpec = {
  title: (t) => t("budget.title"),
  sections: [
    {
      title: (t) => t("budget.summary.title"),
      blocks: (c) => {
        const { t } = c.w;
        const f = formatters(c);
        const { total, fiscalIncentive, otherSources, programmesBehind } = c.figures.budget;
        const { year, today } = c.figures;
        const blocks = paragraphs(
          t("budget.summary.p1", { year, pagu: f.rupiah(total.pagu), realised: f.rupiah(total.realised), absorption: f.percent(total.absorption) }),
          t("budget.summary.sources", {
            fiPagu: f.rupiah(fiscalIncentive.pagu),
            fiRealised: f.rupiah(fiscalIncentive.realised),
            fiAbsorption: f.percent(fiscalIncentive.absorption),
            otherPagu: f.rupiah(otherSources.pagu),
            otherRealised: f.rupiah(otherSources.realised),
            otherAbsorption: f.percent(otherSources.absorption),
          }),
        );
        if (today.year === year) {
          blocks.push(
            ...paragraphs(
              t("budget.summary.calendar", {
                month: monthName(today.month, c.w.locale),
                expected: f.percent(total.expected),
                behind: programmesBehind,
                points: BEHIND_THRESHOLD_POINTS,
                status: isBehindCalendar(total) ? "behind" : "onTrack",
              }),
            ),
          );
        }
        if (total.pendingCount > 0)
          blocks.push(...paragraphs(t("budget.summary.pending", { count: total.pendingCount, amount: f.rupiah(total.pendingAmount) })));
        return blocks;
      },
    },
    {
      title: (t) => t("budget.bySource.title"),
      blocks: (c) => [{ kind: "table", table: budgetBySourceTable(c.figures, c.w) }],
    },
    {
      title: (t) => t("budget.byOpd.title"),
      blocks: (c) => [{ kind: "table", table: budgetByOpdTable(c.figures, c.w), note: c.w.t("budget.byOpd.note") }],
    },
  ],
};

const coverage: ChapterSpec = {
  title: (t) => t("coverage.title"),
  sections: [
    {
      title: (t) => t("coverage.extreme.title"),
      blocks: (c) => {
        const { t } = c.w;
        const f = formatters(c);
        const table = coverageTable(c.figures, c.w);
        const targets = [...c.figures.programmeTargets.values()];
        const households = targets.filter((one) => one.unit === "HOUSEHOLD");
        const persons = targets.filter((one) => one.unit === "PERSON");
        const extremeTarget = households.reduce((sum, one) => sum + one.targetExtreme, 0);
        const reachedShown = typeof table.rows[0]?.reached === "number";
        return [
          ...paragraphs(
            t("coverage.extreme.p1", {
              year: c.figures.year,
              extremePoor: f.cell(table, "registered", 0),
              reached: f.cell(table, "reached", 0),
              coverage: f.cell(table, "coverage", 0),
              unreached: f.cell(table, "unreached", 0),
            }),
            t("coverage.extreme.targets", {
              year: c.figures.year,
              households: f.count(households.reduce((sum, one) => sum + one.target, 0)),
              extreme: f.count(extremeTarget),
              persons: persons.reduce((sum, one) => sum + one.target, 0),
              personsText: f.count(persons.reduce((sum, one) => sum + one.target, 0)),
            }),
            t("coverage.extreme.againstTarget", {
              reached: f.cell(table, "reached", 0),
              target: f.count(extremeTarget),
              share: reachedShown && extremeTarget > 0 ? f.percent((c.figures.coverage.reached / extremeTarget) * 100, 1) : f.count(null),
            }),
          ),
          { kind: "table", table, note: t("coverage.extreme.note") },
          ...paragraphs(t("coverage.extreme.unreachedNote")),
        ];
      },
    },
    {
      title: (t) => t("coverage.targeting.title"),
      blocks: (c) => {
        const f = formatters(c);
        const byDesil = beneficiariesByDesilTable(c.figures, c.w);
        const byOpd = targetingByOpdTable(c.figures, c.w);
        return [
          ...paragraphs(
            c.w.t("coverage.targeting.p1", {
              year: c.figures.year,
              beneficiaries: f.cell(byOpd, "beneficiaries"),
              extremePoor: f.cell(byOpd, "extremePoor"),
              desil1to4: f.cell(byOpd, "desil1to4"),
              outside: f.cell(byOpd, "outside"),
              accuracy: f.cell(byOpd, "accuracy"),
            }),
          ),
          { kind: "table", table: byDesil },
          { kind: "table", table: byOpd, note: c.w.t("coverage.targeting.note") },
        ];
      },
    },
  ],
};

const graduation: ChapterSpec = {
  title: (t) => t("graduation.title"),
  sections: [
    {
      title: (t) => t("graduation.year.title"),
      blocks: (c) => {
        const { t } = c.w;
        const f = formatters(c);
        const table = graduationsTable(c.figures, c.w, c.w.locale);
        return [
          ...paragraphs(
            t("graduation.year.p1", {
              year: c.figures.year,
              graduated: f.cell(table, "graduated"),
              graduatedReached: f.cell(table, "graduatedReached"),
              exitedExtreme: f.cell(table, "exitedExtreme"),
            }),
          ),
          { kind: "table", table },
          { kind: "list", items: (["exitedExtreme", "graduated", "graduatedReached"] as const).map((key) => t(`graduation.defined.${key}`)) },
        ];
      },
    },
  ],
};

const obstacles: ChapterSpec = {
  title: (t) => t("obstacles.title"),
  sections: [
    { title: (t) => t("obstacles.obstacles.title"), blocks: ({ w: { t } }) => [{ kind: "placeholder", text: t("obstacles.obstacles.placeholder") }] },
    {
      title: (t) => t("obstacles.recommendations.title"),
      blocks: ({ w: { t } }) => [{ kind: "placeholder", text: t("obstacles.recommendations.placeholder") }],
    },
  ],
};

const closing: ChapterSpec = {
  title: (t) => t("closing.title"),
  sections: [
    {
      title: (t) => t("closing.closing.title"),
      blocks: ({ w: { t }, city, figures }) => [
        ...paragraphs(t("closing.closing.p1", { city, year: figures.year })),
        { kind: "placeholder", text: t("closing.closing.signature", { city }) },
      ],
    },
  ],
};

/** The chapters in their order (I to VIII). */
export const ANNUAL_REPORT_CHAPTERS: readonly ChapterSpec[] = [introduction, povertyConditions, programmes, budget, coverage, graduation, obstacles, closing];

/** The report of the context's year, chapter by chapter. */
export function annualReportDraft(c: ReportContext): ReportDraft {
  const { t } = c.w;
  return {
    title: t("cover.title", { city: c.city, year: c.figures.year }),
    cover: {
      lines: [t("cover.draft"), t("cover.report"), c.city.toUpperCase(), t("cover.year", { year: c.figures.year }), t("cover.team", { city: c.city })],
      note: t("cover.note", { date: c.madeOn }),
    },
    chapters: ANNUAL_REPORT_CHAPTERS.map((chapter) => ({
      title: chapter.title(t),
      sections: chapter.sections.map((section) => ({ title: section.title(t), blocks: section.blocks(c) })),
    })),
  };
}
