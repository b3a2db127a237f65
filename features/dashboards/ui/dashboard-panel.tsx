import { Suspense, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import type { PanelFailure, PanelResult } from "@/features/dashboards/panel-data";

/**
 * One panel of a dashboard whose figures load on their own (features/dashboards/panel-data.ts):
 * the page, its filter bar and the other panels are sent at once, this one streams in when its
 * figures arrive, and a figure that failed or ran out of time shows this panel's message
 * instead of taking the page down. The work happens in an awaited promise, not in a render
 * that throws: an error thrown while a server component renders would reach the nearest
 * error.tsx, which replaces the whole page, filter bar included.
 */
export async function DashboardPanel<T>({
  title,
  data,
  children,
  className,
}: {
  /** The panel's title, shown while it loads and if it fails. */
  title: string;
  data: Promise<PanelResult<T>>;
  /** The panel itself, from its figures. */
  children: (value: T) => ReactNode;
  className?: string;
}) {
  const t = await getTranslations("Dashboards.panel");
  const notice = { loading: t("loading"), timeout: t("timedOut"), failed: t("failed") };
  return (
    <Suspense fallback={<PanelNotice title={title} kind="loading" text={notice.loading} className={className} />}>
      <PanelContent title={title} data={data} notice={notice} className={className}>
        {children}
      </PanelContent>
    </Suspense>
  );
}

async function PanelContent<T>({
  title,
  data,
  notice,
  children,
  className,
}: {
  title: string;
  data: Promise<PanelResult<T>>;
  notice: Record<PanelFailure, string>;
  children: (value: T) => ReactNode;
  className?: string;
}) {
  const result = await data;
  if (!result.ok) return <PanelNotice title={title} kind={result.reason} text={notice[result.reason]} className={className} />;
  // The panel's class (print:hidden above all) holds for what it shows too; `contents` keeps the
  // children where the page's grid puts them.
  return className ? <div className={cx("contents", className)}>{children(result.value)}</div> : children(result.value);
}

function PanelNotice({ title, kind, text, className }: { title: string; kind: "loading" | PanelFailure; text: string; className?: string }) {
  return (
    <Card className={cx("break-inside-avoid", kind === "loading" && "print:hidden", className)} data-panel-state={kind}>
      <div role="group" aria-label={title}>
        <CardHeader title={title} />
        <p className={cx("p-4 sm:p-5", kind === "loading" ? "text-muted" : "text-red-800")} role={kind === "loading" ? "status" : "alert"}>
          {text}
        </p>
      </div>
    </Card>
  );
}
