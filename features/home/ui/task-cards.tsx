import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { HomeTask } from "@/features/home/tasks/task";
import { cx } from "@/components/ui/class-names";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** The home page's "waiting for you": one card per task, each leading to the list of exactly its rows. */
export async function TaskCards({ tasks }: { tasks: readonly HomeTask[] }) {
  if (tasks.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("Home.tasks"), getLocale() as Promise<AppLocale>]);
  return (
    <section aria-labelledby="home-tasks" className="mb-6">
      <h2 id="home-tasks" className="mb-3 text-lg font-semibold text-ink">
        {t("title")}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tasks.map((task) => (
          <li key={task.key} className="min-w-0">
            <Link
              href={task.href}
              data-testid={`task-${task.key}`}
              className={cx(
                "flex h-full min-h-11 items-baseline gap-3 rounded-lg border border-line border-l-4 bg-white px-4 py-3 shadow-xs hover:bg-brand-50",
                task.count > 0 ? "border-l-accent-400" : "border-l-line",
              )}
            >
              <span data-testid="task-count" className={cx("text-2xl font-semibold tabular-nums", task.count > 0 ? "text-ink" : "text-muted")}>
                {formatNumber(task.count, { locale })}
              </span>
              <span className="min-w-0">
                <span className="block font-medium text-brand-800 underline-offset-2">{t(`labels.${task.key}`, { count: task.count })}</span>
                {task.oldestDays !== undefined ? (
                  <span className="block text-sm text-muted">{t("oldest", { days: formatNumber(task.oldestDays, { locale }) })}</span>
                ) : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
